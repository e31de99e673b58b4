package org.civic311.server.app;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.civic311.server.storage.sql.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tidies the database's indexes a few minutes after start and then once a day, on a thread of
 * its own: on SQLite this merges the full-text index, which text searches with common words
 * need to stay fast (see docs/PERFORMANCE-STORES.md).
 */
final class IndexUpkeep {
  private static final Logger LOG = LoggerFactory.getLogger(IndexUpkeep.class);
  static final long FIRST_DELAY_MINUTES = 5;
  static final long PERIOD_MINUTES = 24 * 60;

  private IndexUpkeep() {}

  static ScheduledExecutorService start(Database database) {
    ScheduledExecutorService upkeep = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "index-upkeep");
      t.setDaemon(true);
      t.setPriority(Thread.MIN_PRIORITY);
      return t;
    });
    upkeep.scheduleWithFixedDelay(() -> run(database), FIRST_DELAY_MINUTES, PERIOD_MINUTES, TimeUnit.MINUTES);
    return upkeep;
  }

  static void run(Database database) {
    long t0 = System.nanoTime();
    try {
      int steps = database.tidyIndexes();
      if (steps > 0) {
        LOG.info("index upkeep: {} merge step(s) in {} ms", steps, (System.nanoTime() - t0) / 1_000_000);
      }
    } catch (RuntimeException e) {
      LOG.warn("index upkeep failed, to be tried again tomorrow: {}", e.getMessage());
    }
  }
}
