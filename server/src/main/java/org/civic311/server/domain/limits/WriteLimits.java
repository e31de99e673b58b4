package org.civic311.server.domain.limits;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.civic311.server.domain.ApiKeys;
import org.civic311.server.storage.ApiKeyRecord;
import org.civic311.server.storage.RateBuckets;
import org.civic311.server.storage.RateLimit;

/**
 * The rate limits on writes: which buckets a write is counted in, and with which limit. API
 * writes are counted per client address and per API key; a key that staff gave its own limit
 * is counted against that limit alone (see {@code LimitSettings}). Posts on the residents' pages
 * and staff sign-ins are counted per address. On PostgreSQL the buckets are shared by every node
 * (see {@link RateBuckets}). Thread-safe.
 */
public final class WriteLimits {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  /** The configured limits. */
  public record Defaults(RateLimit apiKey, RateLimit apiAddress, RateLimit pageAddress, RateLimit signInAddress) {}

  private final Defaults defaults;
  private final ApiKeys keys;
  private final RateBuckets buckets;

  public WriteLimits(Defaults defaults, ApiKeys keys, RateBuckets buckets) {
    this.defaults = defaults;
    this.keys = keys;
    this.buckets = buckets;
  }

  /**
   * Counts an API write from {@code address} with the {@code api_key} values it sent. An unknown,
   * revoked or repeated key counts as none (the write is then refused for it anyway, after its
   * address paid): guessing keys costs the guesser's address budget.
   */
  public Verdict apiWrite(String address, List<String> apiKeys) {
    Optional<ApiKeyRecord> key = apiKeys.size() == 1
        ? keys.find(apiKeys.get(0)).filter(k -> !k.revoked()) : Optional.empty();
    if (key.isPresent() && key.get().writeLimit() != null) {
      return byKey(key.get(), key.get().writeLimit());
    }
    // The address first: a client over its own limit then never spends its key's shared budget.
    Verdict byAddress = take("api-address:" + hashed(address), defaults.apiAddress(), Verdict.Counted.ADDRESS);
    if (!byAddress.allowed() || key.isEmpty()) {
      return byAddress;
    }
    return Verdict.tighter(byAddress, byKey(key.get(), defaults.apiKey()));
  }

  /** Counts a post on the residents' pages (a report, a "me too", an unsubscribe) from {@code address}. */
  public Verdict pagePost(String address) {
    return take("page-address:" + hashed(address), defaults.pageAddress(), Verdict.Counted.ADDRESS);
  }

  /** Counts a staff sign-in attempt from {@code address}. */
  public Verdict signIn(String address) {
    return take("sign-in-address:" + hashed(address), defaults.signInAddress(), Verdict.Counted.ADDRESS);
  }

  /** The limit a key is held to: its own, or the default. */
  public RateLimit limitOf(ApiKeyRecord key) {
    return key.writeLimit() != null ? key.writeLimit() : defaults.apiKey();
  }

  /** Forgets buckets that are full again; returns how many. */
  public int removeIdle() {
    return buckets.removeIdle();
  }

  private Verdict byKey(ApiKeyRecord key, RateLimit limit) {
    return take("api-key:" + key.id(), limit, Verdict.Counted.KEY);
  }

  /** The limit is part of the bucket's name, so a changed limit starts from a full bucket of its own. */
  private Verdict take(String name, RateLimit limit, Verdict.Counted counted) {
    RateBuckets.Take t = buckets.take(name + ":" + limit.perMinute() + "/" + limit.burst(), limit);
    return new Verdict(t.taken(), counted, limit.burst(), limit.perMinute(), t.remaining(), seconds(t.nanosToFull()),
        t.taken() ? 0 : Math.max(1, seconds(t.nanosToNext())));
  }

  private static long seconds(long nanos) {
    return (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
  }

  /** Addresses are kept out of the shared bucket table: only a hash of each names its bucket. */
  static String hashed(String address) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(address.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
