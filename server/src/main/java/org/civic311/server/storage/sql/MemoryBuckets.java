package org.civic311.server.storage.sql;

import io.github.bucket4j.Bucket;
import java.util.concurrent.ConcurrentHashMap;
import org.civic311.server.storage.RateBuckets;
import org.civic311.server.storage.RateLimit;

/**
 * Buckets in this process's memory, for SQLite, where one node serves everything. Buckets that
 * are full again are dropped by {@link #removeIdle()} (the application calls it every minute),
 * and at once when too many addresses have been seen since, so memory stays bounded.
 */
final class MemoryBuckets implements RateBuckets {
  static final int MAX_BUCKETS = 200_000;
  private final ConcurrentHashMap<String, Held> buckets = new ConcurrentHashMap<>();

  private record Held(Bucket bucket, RateLimit limit) {
    boolean full() {
      return bucket.getAvailableTokens() >= limit.burst();
    }
  }

  @Override
  public Take take(String name, RateLimit limit) {
    if (buckets.size() >= MAX_BUCKETS) {
      removeIdle();
    }
    Held held = buckets.computeIfAbsent(name, n -> new Held(Bucket.builder().addLimit(TokenBucket.bandwidth(limit))
        .build(), limit));
    return TokenBucket.take(held.bucket().tryConsumeAndReturnRemaining(1));
  }

  @Override
  public int removeIdle() {
    int before = buckets.size();
    buckets.values().removeIf(Held::full);
    return Math.max(0, before - buckets.size());
  }
}
