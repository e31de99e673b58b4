package org.civic311.server.storage.sql;

/**
 * Where the primary's log stood at recent moments, as seen by the replica checks, so that a
 * replica's lag can be told in time from the log position it has replayed: it is at least as
 * old as the first moment the primary was already past that position. Comparing positions needs
 * no clock of the database servers, and an idle primary (whose last transaction may be hours
 * old) gives no lag at all. Only advances are kept, in a ring of {@link #SIZE}; thread-safe.
 */
final class LogHistory {
  static final int SIZE = 1024;
  private final long[] times = new long[SIZE];
  private final long[] positions = new long[SIZE];
  private int oldest;
  private int count;

  /** The primary stood at {@code position} at {@code nanos} (System.nanoTime). */
  synchronized void record(long nanos, long position) {
    if (count > 0 && position <= positions[(oldest + count - 1) % SIZE]) {
      return;
    }
    int at;
    if (count < SIZE) {
      at = (oldest + count) % SIZE;
      count++;
    } else {
      at = oldest;
      oldest = (oldest + 1) % SIZE;
    }
    times[at] = nanos;
    positions[at] = position;
  }

  /**
   * How long, at least, a replica that has replayed up to {@code replayed} is behind at
   * {@code now}: since the first recorded moment the primary was past it; 0 when it has
   * replayed everything recorded.
   */
  synchronized long lagNanos(long replayed, long now) {
    for (int i = 0; i < count; i++) {
      int at = (oldest + i) % SIZE;
      if (positions[at] > replayed) {
        return Math.max(0, now - times[at]);
      }
    }
    return 0;
  }

  /** The newest recorded position of the primary, or 0 before the first. */
  synchronized long newest() {
    return count == 0 ? 0 : positions[(oldest + count - 1) % SIZE];
  }
}
