package org.civic311.server.domain.opendata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Random;
import org.civic311.georeport.GeoDateTime;
import org.junit.jupiter.api.Test;

class LocalTimesTest {
  private static String expected(long millis, ZoneId zone) {
    return GeoDateTime.format(Instant.ofEpochMilli(millis).atZone(zone).toOffsetDateTime());
  }

  @Test
  void writesEveryTimeAsTheZoneRulesDoInAnyOrder() {
    Random random = new Random(311);
    for (String name : new String[] {"America/New_York", "Europe/London", "Australia/Lord_Howe", "UTC",
        "America/Sao_Paulo"}) {
      ZoneId zone = ZoneId.of(name);
      LocalTimes times = new LocalTimes(zone);
      long t = Instant.parse("1969-06-01T00:00:00Z").toEpochMilli();
      // Mostly forward in small steps, as rows in id order are; now and then a jump back or ahead.
      for (int i = 0; i < 50_000; i++) {
        t += random.nextInt(3_600_000 * 6);
        long at = random.nextInt(50) == 0 ? t - random.nextLong(Math.abs(t) + 1) : t;
        assertEquals(expected(at, zone), times.format(at), name + " at " + at);
      }
    }
  }

  @Test
  void writesTheMillisecondsAroundATransitionWithTheRightOffset() {
    ZoneId zone = ZoneId.of("America/New_York");
    LocalTimes times = new LocalTimes(zone);
    long spring = Instant.parse("2026-03-08T07:00:00Z").toEpochMilli();
    long fall = Instant.parse("2026-11-01T06:00:00Z").toEpochMilli();
    for (long at : new long[] {spring - 1, spring, spring + 1, fall - 1, fall, fall + 1, spring - 1, fall}) {
      assertEquals(expected(at, zone), times.format(at));
    }
    assertEquals("2026-03-08T01:59:59-05:00", times.format(spring - 1));
    assertEquals("2026-03-08T03:00:00-04:00", times.format(spring));
  }
}
