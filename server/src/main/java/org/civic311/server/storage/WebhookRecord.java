package org.civic311.server.storage;

/**
 * A registered webhook: where its events go, the filters they pass (a query string read as
 * {@code GET requests} reads one), the key that signs them, and its place in the event log.
 *
 * @param position     the last event delivered or passed over
 * @param attempts     failed tries of the event after {@code position}
 * @param failingSince the first failed try of that event (epoch ms), or null
 * @param state        {@code active}, {@code failed} (a day of failures) or {@code removed}
 */
public record WebhookRecord(long id, long apiKeyId, String jurisdictionId, String url, String secret,
    String filters, long position, String state, int attempts, Long failingSince, long nextTryAt, long createdAt) {}
