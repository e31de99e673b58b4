package org.civic311.server.storage;

import java.util.List;
import java.util.Optional;

/** API keys of the applications that post requests. */
public interface ApiKeyStore {

  /** Stores a new key by its hash and returns its record. */
  ApiKeyRecord insert(String jurisdictionId, String keyHash, String keyPrefix, String label, String source, long now);

  /** Stores a key from the configuration file unless a key with that hash exists already. */
  void insertIfAbsent(String jurisdictionId, String keyHash, String keyPrefix, String label, long now);

  Optional<ApiKeyRecord> findByHash(String keyHash);

  List<ApiKeyRecord> list();

  /** Gives a key its own write limit, or with null the default again; false when there is no such key. */
  boolean setWriteLimit(long id, RateLimit limit);

  /** Marks a key revoked; false when no unrevoked key has that id. */
  boolean revoke(long id, long now);
}
