package org.civic311.server.storage.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The plan choice for common words, on shares counted in the 1M store of bench/search. */
class TextPlanCostTest {
  private static final long SAMPLE = 10_000;
  private static final long ROWS = 1_000_000;

  @Test
  void aWordInHalfTheRequestsIsProbed() {
    // corner: 5,140 of the newest 10,000
    assertThat(TextPlanCost.probeIsCheaper(5_140, 5_140, 1, SAMPLE, ROWS, 100)).isTrue();
  }

  @Test
  void aWordInOneRequestOfTwentyIsListed() {
    // park: 557 of 10,000; the list costs ~28 ms, 1,800 probes ~54 ms
    assertThat(TextPlanCost.probeIsCheaper(557, 557, 1, SAMPLE, ROWS, 100)).isFalse();
  }

  @Test
  void twoCommonWordsThatMeetSeldomAreProbedBecauseTheirListsAreLong() {
    // broken sidewalk: both in 657, but broken alone in 1,678 and sidewalk in 3,371
    assertThat(TextPlanCost.probeIsCheaper(657, 1_678 + 3_371, 2, SAMPLE, ROWS, 100)).isTrue();
    // the same share of matches from two words seldom found apart: the list is short
    assertThat(TextPlanCost.probeIsCheaper(657, 700 + 700, 2, SAMPLE, ROWS, 100)).isFalse();
  }

  @Test
  void deeperPagesAndSmallerStoresFavourTheList() {
    assertThat(TextPlanCost.probeIsCheaper(5_140, 5_140, 1, SAMPLE, ROWS, 10_000)).isFalse();
    assertThat(TextPlanCost.probeIsCheaper(5_140, 5_140, 1, SAMPLE, 10_000, 100)).isFalse();
  }

  @Test
  void noMatchAmongTheNewestMeansTheList() {
    assertThat(TextPlanCost.probeIsCheaper(0, 0, 1, SAMPLE, ROWS, 100)).isFalse();
  }
}
