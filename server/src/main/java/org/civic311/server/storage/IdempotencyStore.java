package org.civic311.server.storage;

import java.util.Optional;

/**
 * The {@code Idempotency-Key}s API keys have used: one row per key and API key, claimed before a
 * POST is processed and given its answer once the POST has succeeded.
 */
public interface IdempotencyStore {

  /** A stored key: the hash of the body it was first used with, and the answer (null while pending). */
  record Entry(String bodyHash, long createdAt, Integer status, String contentType, byte[] body) {
    public boolean pending() {
      return status == null;
    }
  }

  /**
   * Claims a key for a POST about to be processed. Of two concurrent claims of one key, exactly
   * one returns true (the database's unique key decides).
   */
  boolean claim(long apiKeyId, String keyHash, String bodyHash, long now);

  Optional<Entry> find(long apiKeyId, String keyHash);

  /** Stores the answer a claimed key gave. */
  void complete(long apiKeyId, String keyHash, int status, String contentType, byte[] body);

  /** Frees a claimed key whose POST did not succeed, so a corrected retry may use it. */
  void release(long apiKeyId, String keyHash);

  /** Deletes keys created before {@code before}; returns how many. */
  int expire(long before);
}
