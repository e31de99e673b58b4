package org.civic311.server.storage.sql;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import org.civic311.server.storage.RateBuckets;
import org.civic311.server.storage.RateLimit;

/** How a {@link RateLimit} becomes a Bucket4j bucket, and what Bucket4j answers a {@link RateBuckets.Take}. */
final class TokenBucket {
  private TokenBucket() {}

  /**
   * {@code burst} tokens, refilled greedily: a token comes back every {@code 60 / perMinute}
   * seconds rather than all of them once a minute, so a client that waits a little may write a
   * little, and no minute boundary lets a burst through twice.
   */
  static BucketConfiguration configuration(RateLimit limit) {
    return BucketConfiguration.builder().addLimit(bandwidth(limit)).build();
  }

  static Bandwidth bandwidth(RateLimit limit) {
    return Bandwidth.builder().capacity(limit.burst()).refillGreedy(limit.perMinute(), Duration.ofMinutes(1))
        .build();
  }

  static RateBuckets.Take take(ConsumptionProbe probe) {
    return new RateBuckets.Take(probe.isConsumed(), probe.getRemainingTokens(),
        probe.isConsumed() ? 0 : probe.getNanosToWaitForRefill(), probe.getNanosToWaitForReset());
  }
}
