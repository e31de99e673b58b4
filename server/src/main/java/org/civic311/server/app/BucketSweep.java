package org.civic311.server.app;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.civic311.server.domain.limits.WriteLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets the rate limits' buckets that are full again, every minute: a full bucket is the same
 * as none, and every client address that ever wrote would otherwise keep one (a row on
 * PostgreSQL, where any node may sweep; memory on SQLite).
 */
final class BucketSweep {
  private static final Logger LOG = LoggerFactory.getLogger(BucketSweep.class);
  static final long PERIOD_SECONDS = 60;

  private BucketSweep() {}

  static void schedule(ScheduledExecutorService on, WriteLimits limits) {
    on.scheduleWithFixedDelay(() -> {
      try {
        int removed = limits.removeIdle();
        if (removed > 0) {
          LOG.debug("rate limits: {} idle bucket(s) removed", removed);
        }
      } catch (RuntimeException e) {
        LOG.warn("rate limits: removing idle buckets failed: {}", e.getMessage());
      }
    }, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
  }
}
