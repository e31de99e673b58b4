package org.civic311.server.storage;

/** Someone who asked to hear by mail when a request's status changes. Never public. */
public record FollowerRecord(long id, long requestId, String email, String locale, String token, long createdAt,
    Long unsubscribedAt) {}
