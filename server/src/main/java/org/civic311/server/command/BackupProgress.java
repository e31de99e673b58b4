package org.civic311.server.command;

import java.io.PrintStream;
import org.civic311.server.domain.backup.Progress;

/** A backup's or restore's steps as lines, and its photos as a progress line. */
final class BackupProgress implements Progress {
  private final PrintStream out;
  private final long started = System.nanoTime();
  private ProgressLine files;
  private long total = -1;

  BackupProgress(PrintStream out) {
    this.out = out;
  }

  @Override
  public void step(String what) {
    out.printf("[%5.1f s] %s%n", (System.nanoTime() - started) / 1e9, what);
  }

  @Override
  public void files(long done, long total) {
    if (files == null || total != this.total) {
      files = new ProgressLine(out, System.console() != null, total, "files");
      this.total = total;
    }
    if (done == total) {
      files.done(done);
    } else {
      files.rows(done);
    }
  }
}
