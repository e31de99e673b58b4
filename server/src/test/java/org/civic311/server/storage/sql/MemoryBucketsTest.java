package org.civic311.server.storage.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.civic311.server.storage.RateBuckets;
import org.civic311.server.storage.RateLimit;
import org.junit.jupiter.api.Test;

/** The in-memory buckets of a one-node server: they count, refuse, and are forgotten once full again. */
class MemoryBucketsTest {

  @Test
  void aBucketGivesItsBurstThenRefusesWithTheWaitAndOtherNamesAreApart() {
    MemoryBuckets buckets = new MemoryBuckets();
    RateLimit limit = new RateLimit(1, 3);
    for (int left = 2; left >= 0; left--) {
      RateBuckets.Take t = buckets.take("a", limit);
      assertThat(t.taken()).isTrue();
      assertThat(t.remaining()).isEqualTo(left);
      assertThat(t.nanosToNext()).isZero();
    }
    RateBuckets.Take refused = buckets.take("a", limit);
    assertThat(refused.taken()).isFalse();
    assertThat(refused.nanosToNext()).isBetween(1L, 60_000_000_000L);
    assertThat(refused.nanosToFull()).isBetween(refused.nanosToNext(), 180_000_000_000L);
    assertThat(buckets.take("b", limit).taken()).isTrue();
    assertThat(buckets.removeIdle()).as("neither is full yet").isZero();
  }

  @Test
  void bucketsThatAreFullAgainAreForgotten() throws InterruptedException {
    MemoryBuckets buckets = new MemoryBuckets();
    RateLimit quick = new RateLimit(RateLimit.MAX, 1);
    assertThat(buckets.take("quick", quick).taken()).isTrue();
    assertThat(buckets.take("slow", new RateLimit(1, 5)).taken()).isTrue();
    Thread.sleep(20);
    assertThat(buckets.removeIdle()).isEqualTo(1);
    assertThat(buckets.removeIdle()).isZero();
  }
}
