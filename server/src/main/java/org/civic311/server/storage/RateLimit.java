package org.civic311.server.storage;

/**
 * How often someone may write: a token bucket that holds {@code burst} writes and gains
 * {@code perMinute} a minute, so a client may send {@code burst} at once and then
 * {@code perMinute} a minute for as long as it likes.
 */
public record RateLimit(int perMinute, int burst) {
  /** The largest value either number may take; beyond it a limit is no limit. */
  public static final int MAX = 1_000_000;

  public RateLimit {
    if (perMinute < 1 || perMinute > MAX || burst < 1 || burst > MAX) {
      throw new IllegalArgumentException("a rate limit needs 1.." + MAX + " writes a minute and a burst of 1.."
          + MAX + ", not " + perMinute + " and " + burst);
    }
  }

  @Override
  public String toString() {
    return perMinute + "/min, burst " + burst;
  }
}
