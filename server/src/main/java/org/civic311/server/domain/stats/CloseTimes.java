package org.civic311.server.domain.stats;

/**
 * Reads the close-time histograms of the rollups (migration V15): buckets 0..71 are hours of the
 * first three days, bucket {@code b} from 72 on is day {@code b - 69}, and the last one holds
 * everything from 1000 days. Quantiles are interpolated within a bucket.
 */
public final class CloseTimes {
  /** How many buckets a histogram has. */
  public static final int BUCKETS = 1070;

  private CloseTimes() {}

  /** Where a bucket starts, in hours after the request was made. */
  static double startHours(int b) {
    return b < 72 ? b : (b - 69) * 24.0;
  }

  /** Where a bucket ends, in hours. */
  static double endHours(int b) {
    return b < 72 ? b + 1 : (b - 68) * 24.0;
  }

  /** The total of a histogram. */
  public static long count(long[] h) {
    long n = 0;
    for (long c : h) {
      n += c;
    }
    return n;
  }

  /** The {@code q} quantile (0..1) in days, or null for an empty histogram. */
  public static Double quantileDays(long[] h, double q) {
    long n = count(h);
    if (n == 0) {
      return null;
    }
    double target = q * n;
    long seen = 0;
    for (int b = 0; b < h.length; b++) {
      if (h[b] > 0 && seen + h[b] >= target) {
        double within = (target - seen) / h[b];
        return (startHours(b) + within * (endHours(b) - startHours(b))) / 24.0;
      }
      seen += h[b];
    }
    return startHours(h.length - 1) / 24.0;
  }

  /** The share (0..1) closed within {@code days}, or null for an empty histogram. */
  public static Double shareWithin(long[] h, int days) {
    long n = count(h);
    if (n == 0) {
      return null;
    }
    double limit = days * 24.0;
    double within = 0;
    for (int b = 0; b < h.length; b++) {
      if (endHours(b) <= limit) {
        within += h[b];
      } else if (startHours(b) < limit) {
        within += h[b] * (limit - startHours(b)) / (endHours(b) - startHours(b));
      }
    }
    return within / n;
  }

  /** Adds {@code other} into {@code into}. */
  static void add(long[] into, long[] other) {
    for (int i = 0; i < into.length; i++) {
      into[i] += other[i];
    }
  }
}
