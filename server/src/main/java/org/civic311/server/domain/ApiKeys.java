package org.civic311.server.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.civic311.server.storage.ApiKeyRecord;
import org.civic311.server.storage.ApiKeyStore;
import org.civic311.server.storage.RateLimit;
import org.civic311.server.storage.Transaction;

/**
 * The API keys of applications that post requests. Keys are stored only as SHA-256 hashes; a new
 * key is shown once, when issued. A key belongs to one jurisdiction.
 *
 * <p>Successful look-ups are remembered for a few seconds so that a busy client does not cost a
 * database read per POST; a revocation therefore takes up to {@link #CACHE_MILLIS} to bite on
 * every node. Thread-safe.
 */
public final class ApiKeys {
  static final long CACHE_MILLIS = 5_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ApiKeyStore store;
  private final Clock clock;
  private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(ApiKeyRecord record, long until) {}

  /** A freshly issued key: the only moment its plain text is known. */
  public record IssuedKey(ApiKeyRecord record, String key) {}

  public ApiKeys(ApiKeyStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * The key record of a call, checked against the jurisdiction.
   *
   * @throws Refusal FORBIDDEN when the key is missing, unknown, revoked or of another jurisdiction
   */
  public ApiKeyRecord authenticate(Optional<String> key, Jurisdiction jurisdiction) {
    if (key.isEmpty()) {
      throw Refusal.forbidden("api_key is required to post; ask the city for one");
    }
    ApiKeyRecord record = find(key.get()).orElse(null);
    if (record == null || record.revoked() || !record.jurisdictionId().equals(jurisdiction.id())) {
      throw Refusal.forbidden("api_key is not valid for jurisdiction " + jurisdiction.id());
    }
    return record;
  }

  /**
   * The record of a key, whatever its state (revoked keys included); empty for an unknown key.
   * Served from the cache like {@link #authenticate}, so the rate limits can ask on every write.
   */
  public Optional<ApiKeyRecord> find(String key) {
    String hash = hash(key);
    long now = clock.millis();
    Cached cached = cache.get(hash);
    if (cached != null && cached.until() > now) {
      return Optional.of(cached.record());
    }
    Optional<ApiKeyRecord> record = store.findByHash(hash);
    record.ifPresent(r -> cache.put(hash, new Cached(r, now + CACHE_MILLIS)));
    return record;
  }

  /**
   * Gives a key its own write limit, or with null the default again, in a transaction that also
   * does other work; false when there is no such key. Other nodes see it within
   * {@link #CACHE_MILLIS}.
   */
  public boolean setWriteLimit(Transaction tx, long id, RateLimit limit) {
    cache.clear();
    return tx.apiKeys().setWriteLimit(id, limit);
  }

  /** Issues a new random key for a jurisdiction, as the {@code keys} command does. */
  public IssuedKey issue(String jurisdictionId, String label) {
    return issue(jurisdictionId, label, "command");
  }

  /** Issues a new random key; {@code source} says where it was issued ({@code command}, {@code staff}). */
  public IssuedKey issue(String jurisdictionId, String label, String source) {
    return issue(store, jurisdictionId, label, source);
  }

  /** Issues a new random key in a transaction that also does other work (a staff action and its audit). */
  public IssuedKey issue(Transaction tx, String jurisdictionId, String label, String source) {
    return issue(tx.apiKeys(), jurisdictionId, label, source);
  }

  private IssuedKey issue(ApiKeyStore into, String jurisdictionId, String label, String source) {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String key = "c311_" + HexFormat.of().formatHex(bytes);
    ApiKeyRecord record = into.insert(jurisdictionId, hash(key), prefix(key), label, source, clock.millis());
    return new IssuedKey(record, key);
  }

  /** Stores a key named in the configuration file, once. */
  public void adopt(String jurisdictionId, String key, String label) {
    store.insertIfAbsent(jurisdictionId, hash(key), prefix(key), label, clock.millis());
  }

  public List<ApiKeyRecord> list() {
    return store.list();
  }

  /** Revokes a key by id; false when there is no such unrevoked key. */
  public boolean revoke(long id) {
    cache.clear();
    return store.revoke(id, clock.millis());
  }

  /** Revokes a key by id in a transaction that also does other work; false as {@link #revoke(long)}. */
  public boolean revoke(Transaction tx, long id) {
    cache.clear();
    return tx.apiKeys().revoke(id, clock.millis());
  }

  static String prefix(String key) {
    return key.substring(0, Math.min(8, key.length()));
  }

  static String hash(String key) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
