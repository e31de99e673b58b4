package org.civic311.server.storage;

/**
 * One try to deliver an event to a webhook, kept for its owner and the back office.
 *
 * @param eventId 0 for a test event
 * @param status  the receiver's HTTP status, or null when it did not answer
 * @param outcome a short description: {@code delivered}, the error, or the refused address
 */
public record WebhookDelivery(long webhookId, long eventId, long at, Integer status, String outcome, long millis) {}
