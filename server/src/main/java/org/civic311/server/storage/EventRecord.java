package org.civic311.server.storage;

/**
 * One entry of the event log: what changed (a request created, updated, hidden, restored or
 * merged) and the public facts the live filters need. No free text: the public text of an event
 * is read from the request when it is published.
 *
 * @param at        when it was logged, epoch ms
 * @param updateRow the update's row id for {@code request.updated}, else null
 * @param status    the request's core status after the change
 */
public record EventRecord(long id, long at, String kind, String jurisdictionId, long requestId, Long updateRow,
    String serviceCode, String status, Double lat, Double lon) {}
