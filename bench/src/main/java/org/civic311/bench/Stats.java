package org.civic311.bench;

/** Small sums the drivers share: percentiles of latencies and counts in answers. */
final class Stats {
  private Stats() {}

  /** Nearest-rank percentile of {@code sorted}. */
  static double percentile(double[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** How often {@code needle} occurs in {@code body}. */
  static long count(String body, String needle) {
    long n = 0;
    for (int k = body.indexOf(needle); k >= 0; k = body.indexOf(needle, k + 1)) {
      n++;
    }
    return n;
  }
}
