package org.civic311.server.storage;

/**
 * An API key as stored: never the key itself, only its hash and first characters.
 * {@code writeLimit} is the key's own limit, set by staff; null takes the configured default.
 */
public record ApiKeyRecord(
    long id,
    String jurisdictionId,
    String keyPrefix,
    String label,
    String source,
    long createdAt,
    Long revokedAt,
    Long lastUsedAt,
    long requestCount,
    RateLimit writeLimit) {

  public boolean revoked() {
    return revokedAt != null;
  }
}
