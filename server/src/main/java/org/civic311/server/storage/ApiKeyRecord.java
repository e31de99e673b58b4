package org.civic311.server.storage;

/** An API key as stored: never the key itself, only its hash and first characters. */
public record ApiKeyRecord(
    long id,
    String jurisdictionId,
    String keyPrefix,
    String label,
    String source,
    long createdAt,
    Long revokedAt,
    Long lastUsedAt,
    long requestCount) {

  public boolean revoked() {
    return revokedAt != null;
  }
}
