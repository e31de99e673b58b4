package org.civic311.georeport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class GeoDateTimeTest {
  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  @Test
  void formatDropsFractionsAndKeepsTheOffset() {
    OffsetDateTime t = OffsetDateTime.parse("2024-03-04T09:12:00.987+01:00");

    assertThat(GeoDateTime.format(t)).isEqualTo("2024-03-04T09:12:00+01:00");
  }

  @Test
  void formatWritesUtcAsANumericOffset() {
    assertThat(GeoDateTime.format(OffsetDateTime.parse("2024-03-04T09:12:00Z"))).isEqualTo("2024-03-04T09:12:00+00:00");
  }

  @Test
  void formatOfNullIsNull() {
    assertThat(GeoDateTime.format(null)).isNull();
  }

  @Test
  void readsTheStrictFormItWrites() {
    assertThat(GeoDateTime.parse("2024-03-04T09:12:00-05:00", LONDON))
        .isEqualTo(OffsetDateTime.parse("2024-03-04T09:12:00-05:00"));
  }

  @Test
  void readsZ() {
    assertThat(GeoDateTime.parse("2024-03-04T09:12:00Z", LONDON))
        .isEqualTo(OffsetDateTime.of(2024, 3, 4, 9, 12, 0, 0, ZoneOffset.UTC));
  }

  @Test
  void readsFractionalSeconds() {
    assertThat(GeoDateTime.parse("2024-03-04T09:12:00.123456Z", LONDON))
        .isEqualTo(OffsetDateTime.of(2024, 3, 4, 9, 12, 0, 123_456_000, ZoneOffset.UTC));
  }

  @Test
  void readsAPlusThatArrivedAsASpace() {
    assertThat(GeoDateTime.parse("2024-03-04T09:12:00 01:00", LONDON))
        .isEqualTo(OffsetDateTime.parse("2024-03-04T09:12:00+01:00"));
  }

  @Test
  void readsAPlusThatArrivedAsASpaceBeforeAnOffsetWithoutColon() {
    assertThat(GeoDateTime.parse("2024-03-04T09:12:00.5 0100", LONDON))
        .isEqualTo(OffsetDateTime.parse("2024-03-04T09:12:00.5+01:00"));
  }

  @Test
  void readsAnOffsetWithoutColonOrMinutes() {
    assertThat(GeoDateTime.parse("2024-03-04T09:12:00-0530", LONDON))
        .isEqualTo(OffsetDateTime.parse("2024-03-04T09:12:00-05:30"));
    assertThat(GeoDateTime.parse("2024-03-04T09:12:00+02", LONDON))
        .isEqualTo(OffsetDateTime.parse("2024-03-04T09:12:00+02:00"));
  }

  @Test
  void readsABareDateAsTheStartOfThatDayInTheGivenZone() {
    assertThat(GeoDateTime.parse("2024-07-01", LONDON)).isEqualTo(OffsetDateTime.parse("2024-07-01T00:00:00+01:00"));
    assertThat(GeoDateTime.parse("2024-01-01", LONDON)).isEqualTo(OffsetDateTime.parse("2024-01-01T00:00:00Z"));
  }

  @Test
  void ignoresSurroundingWhiteSpace() {
    assertThat(GeoDateTime.parse("  2024-03-04T09:12:00Z ", LONDON)).isEqualTo(OffsetDateTime.parse("2024-03-04T09:12:00Z"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "2024-03-04T09:12:00",          // no zone: the standard makes it mandatory
      "2024-03-04 09:12:00Z",         // space instead of T
      "2024-13-01T00:00:00Z",         // month 13
      "2024-02-30",                   // no such day
      "04/03/2024",                   // not ISO 8601
      "2024-03-04T25:00:00Z",         // hour 25
      "2024-03-04T09:12:00+25:00",    // offset out of range
      "yesterday",
      "0000-01-01T00:00:00Z",         // year 0 is out of range
      "0000-01-01",                   // also as a bare date
      "+10000-01-01T00:00:00Z"        // and so is year 10000
  })
  void rejectsWhatIsNotADatetime(String text) {
    assertThatThrownBy(() -> GeoDateTime.parse(text, LONDON)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = "   ")
  void rejectsNothingAsEmpty(String text) {
    assertThatThrownBy(() -> GeoDateTime.parse(text, LONDON))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("is empty");
  }

  @Test
  void rejectionMessageCompletesASentenceAboutTheParameter() {
    assertThatThrownBy(() -> GeoDateTime.parse("soon", LONDON))
        .hasMessage("is not a datetime such as 2024-03-04T09:12:00Z or 2024-03-04");
  }
}
