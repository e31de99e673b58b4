package org.civic311.server.storage.sql;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import javax.sql.DataSource;
import org.civic311.server.storage.RateBuckets;
import org.civic311.server.storage.RateLimit;
import org.civic311.server.storage.StorageException;

/**
 * Buckets in the {@code rate_buckets} table (migration V10), shared by every node, through
 * Bucket4j's PostgreSQL module. Each take is one short transaction that locks the bucket's row
 * ({@code SELECT ... FOR UPDATE}), so two nodes taking from one bucket take one after the other
 * and a budget is never spent twice. Row locks rather than the module's advisory locks: those
 * would share a number space with the catalogue's advisory lock.
 *
 * <p>Each row carries when its bucket is full again; {@link #removeIdle()} deletes rows past that
 * time, a batch at a time.
 */
final class PostgresBuckets implements RateBuckets {
  private static final int BATCH = 1_000;
  /** A full bucket is kept this much longer, so a little clock skew between nodes costs nothing. */
  private static final Duration KEEP_WHEN_FULL = Duration.ofSeconds(30);
  private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

  PostgresBuckets(DataSource pool) {
    this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(pool)
        .primaryKeyMapper(PrimaryKeyMapper.STRING)
        .table("rate_buckets")
        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_WHEN_FULL))
        .build();
  }

  @Override
  public Take take(String name, RateLimit limit) {
    try {
      return TokenBucket.take(buckets.builder().build(name, () -> TokenBucket.configuration(limit))
          .tryConsumeAndReturnRemaining(1));
    } catch (RuntimeException e) {
      // Bucket4j wraps the driver's failures in its own unchecked exceptions.
      throw new StorageException("database failed to count a write: " + e.getMessage(), e);
    }
  }

  @Override
  public int removeIdle() {
    try {
      int removed = 0;
      int batch;
      do {
        batch = buckets.removeExpired(BATCH);
        removed += batch;
      } while (batch == BATCH);
      return removed;
    } catch (RuntimeException e) {
      throw new StorageException("database failed to remove idle rate buckets: " + e.getMessage(), e);
    }
  }
}
