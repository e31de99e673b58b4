package org.civic311.server.storage.sql;

/**
 * Compares two ways SQLite can find a page of requests holding common words, newest first, from
 * the share of matches among the newest requests. Building the list of all matches costs about
 * the same for every match in the store; probing the full-text index for each request walked
 * costs more per request, but a page of common words is full after a few walked requests.
 * The costs per match and per probe were measured on the 1M store of {@code bench/search} (see
 * docs/PERFORMANCE-STORES.md); only their ratio matters.
 */
final class TextPlanCost {
  /** Nanoseconds to put one match in the list (0.4 µs at 1M and at 10M). */
  static final double LIST_PER_MATCH = 500;
  /**
   * Nanoseconds for one probe of a merged full-text index (15-35 µs at 1M; 150 µs before the
   * merge, which {@link SqliteDialect#tidyIndexes()} keeps done).
   */
  static final double PER_PROBE = 30_000;

  private TextPlanCost() {}

  /**
   * True when probing is expected to be cheaper. The list is built from each word's matches, so
   * it costs what all the words' matches cost together; a probe looks up every word.
   *
   * @param inSample how many of the {@code sampled} newest requests hold all the words
   * @param eachInSample the sum over the words of how many of them hold that word
   * @param words    how many words
   * @param rows     about how many requests the store holds
   * @param pageEnd  how many matches the page needs, counted from the first
   */
  static boolean probeIsCheaper(long inSample, long eachInSample, int words, long sampled, long rows,
      long pageEnd) {
    if (inSample <= 0 || sampled <= 0) {
      return false;
    }
    double list = (double) eachInSample / sampled * rows * LIST_PER_MATCH;
    double probes = pageEnd / ((double) inSample / sampled) * PER_PROBE * words;
    return probes < list;
  }
}
