package org.civic311.georeport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ExtendedStatusTest {

  @ParameterizedTest
  @EnumSource(value = ExtendedStatus.class, names = "UNCHANGED", mode = EnumSource.Mode.EXCLUDE)
  void everyStatusHasACitySdkStatusOnTheSameSideOfOpenAndClosed(ExtendedStatus s) {
    CitySdkStatus c = s.citySdk().orElseThrow();

    boolean finished = c == CitySdkStatus.PROCESSED || c == CitySdkStatus.REJECTED;
    assertThat(finished).isEqualTo(s.core().orElseThrow() == Status.CLOSED);
    assertThat(c).isNotIn(CitySdkStatus.PENDING, CitySdkStatus.ARCHIVED);
  }

  @Test
  void unchangedHasNoCitySdkStatus() {
    assertThat(ExtendedStatus.UNCHANGED.citySdk()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"open,RECEIVED", "for_triage,RECEIVED", "in_progress,IN_PROCESS", "action_scheduled,IN_PROCESS",
      "fixed,PROCESSED", "closed,PROCESSED", "duplicate,REJECTED", "not_councils_responsibility,REJECTED"})
  void mapsAsTheDecisionsPageSays(String extended, CitySdkStatus citySdk) {
    assertThat(ExtendedStatus.parse(extended).orElseThrow().citySdk()).contains(citySdk);
  }
}
