package org.civic311.server.command;

import java.io.PrintStream;

/**
 * Shows how far long work has got: rows, rows per second and, when the total is known, the time
 * left. On a terminal one line is redrawn in place; in a log (no console) a plain line is
 * written every {@link #LOG_EVERY_NANOS} so the log stays readable.
 */
final class ProgressLine {
  static final long LOG_EVERY_NANOS = 5_000_000_000L;
  private static final long REDRAW_EVERY_NANOS = 200_000_000L;
  private final PrintStream out;
  private final boolean terminal;
  private final long total;
  private final String unit;
  private final long started = System.nanoTime();
  private long shown = started;

  /** @param total the rows expected, or a negative number when not known */
  ProgressLine(PrintStream out, boolean terminal, long total) {
    this(out, terminal, total, "rows");
  }

  /** @param unit what is counted, such as "rows" or "photos" */
  ProgressLine(PrintStream out, boolean terminal, long total, String unit) {
    this.out = out;
    this.terminal = terminal;
    this.total = total;
    this.unit = unit;
  }

  void rows(long done) {
    long now = System.nanoTime();
    if (now - shown < (terminal ? REDRAW_EVERY_NANOS : LOG_EVERY_NANOS)) {
      return;
    }
    shown = now;
    String line = describe(done, now);
    if (terminal) {
      out.print("\r" + line + "   ");
    } else {
      out.println(line);
    }
    out.flush();
  }

  /** Ends the line with the final count. */
  void done(long rows) {
    String line = describe(rows, System.nanoTime());
    out.println(terminal ? "\r" + line + "   " : line);
  }

  String describe(long done, long now) {
    double seconds = Math.max((now - started) / 1e9, 1e-3);
    double rate = done / seconds;
    StringBuilder sb = new StringBuilder(String.format("%,d", done));
    if (total >= 0) {
      sb.append(String.format(" of %,d %s", total, unit));
    } else {
      sb.append(' ').append(unit);
    }
    sb.append(String.format(", %,.0f %s/s", rate, unit));
    if (total >= 0 && done < total && rate > 0) {
      long left = (long) ((total - done) / rate);
      sb.append(String.format(", about %d:%02d left", left / 60, left % 60));
    }
    return sb.toString();
  }
}
