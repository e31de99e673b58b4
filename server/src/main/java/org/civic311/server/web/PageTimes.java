package org.civic311.server.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as every page (residents' and staff) shows them: local to a zone, with its abbreviation. */
public final class PageTimes {
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ENGLISH);

  private PageTimes() {}

  /** {@code 2026-12-07 19:30 EST}; empty for no time. */
  public static String show(Long epochMillis, ZoneId zone) {
    return epochMillis == null ? "" : SHOWN.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
  }
}
