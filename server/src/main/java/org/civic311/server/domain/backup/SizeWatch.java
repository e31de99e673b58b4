package org.civic311.server.domain.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reports, every few seconds, how large a file being written has grown, for steps that give no
 * progress of their own (SQLite's copy of a large database, its compression into the archive).
 */
final class SizeWatch implements AutoCloseable {
  static final long EVERY_SECONDS = 5;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "backup-progress");
    t.setDaemon(true);
    return t;
  });

  SizeWatch(Path file, String what, Progress progress) {
    timer.scheduleAtFixedRate(() -> {
      try {
        long size = Files.exists(file) ? Files.size(file) : 0;
        progress.step(what + ": " + size / (1024 * 1024) + " MiB so far");
      } catch (IOException e) {
        // Only a progress line is lost.
      }
    }, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
