package org.civic311.georeport;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GeoReport datetimes: written strictly (W3C profile of ISO 8601, whole seconds, numeric offset)
 * and read leniently, as real clients send them: fractional seconds, {@code Z} or an offset with
 * or without a colon, a {@code +} that arrived as a space because it was not URL-encoded, and a
 * bare date, taken as the start of that day in a given zone.
 */
public final class GeoDateTime {
  private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");
  private static final Pattern DATE_ONLY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  // "2024-01-01T10:00:00 01:00": the '+' of the offset became a space in a query string.
  private static final Pattern SPACE_FOR_PLUS = Pattern.compile("(.*T[0-9:.]+) (\\d{2}:?\\d{2})");
  // "+0100" or "+01": an offset without colon or minutes.
  private static final Pattern SHORT_OFFSET = Pattern.compile("(.*T[0-9:.]+)([+-])(\\d{2})(\\d{2})?");

  private GeoDateTime() {}

  /** Writes a datetime in whole seconds with a numeric offset, e.g. {@code 2024-03-04T09:12:00+01:00}. */
  public static String format(OffsetDateTime t) {
    if (t == null) {
      return null;
    }
    int year = t.getYear();
    int offset = t.getOffset().getTotalSeconds();
    if (year < 0 || year > 9999 || offset % 60 != 0) {
      return OUT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }
    // The usual case by hand: every request in a list writes several datetimes, and the
    // formatter's general machinery cost a tenth of a bulk export.
    char[] c = new char[25];
    digits(c, 0, year, 4);
    c[4] = '-';
    digits(c, 5, t.getMonthValue(), 2);
    c[7] = '-';
    digits(c, 8, t.getDayOfMonth(), 2);
    c[10] = 'T';
    digits(c, 11, t.getHour(), 2);
    c[13] = ':';
    digits(c, 14, t.getMinute(), 2);
    c[16] = ':';
    digits(c, 17, t.getSecond(), 2);
    c[19] = offset < 0 ? '-' : '+';
    int minutes = Math.abs(offset) / 60;
    digits(c, 20, minutes / 60, 2);
    c[22] = ':';
    digits(c, 23, minutes % 60, 2);
    return new String(c);
  }

  private static void digits(char[] into, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      into[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  /**
   * Reads a datetime leniently.
   *
   * @param text     what the client sent
   * @param dateZone the zone in which a bare date starts its day
   * @throws IllegalArgumentException when the text is not a datetime in any accepted form
   */
  public static OffsetDateTime parse(String text, ZoneId dateZone) {
    String s = text == null ? "" : text.trim();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("is empty");
    }
    try {
      OffsetDateTime t;
      if (DATE_ONLY.matcher(s).matches()) {
        t = LocalDate.parse(s).atStartOfDay(dateZone).toOffsetDateTime();
      } else {
        Matcher space = SPACE_FOR_PLUS.matcher(s);
        if (space.matches()) {
          s = space.group(1) + "+" + space.group(2);
        }
        Matcher shortOffset = SHORT_OFFSET.matcher(s);
        if (shortOffset.matches()) {
          String minutes = shortOffset.group(4) == null ? "00" : shortOffset.group(4);
          s = shortOffset.group(1) + shortOffset.group(2) + shortOffset.group(3) + ":" + minutes;
        }
        t = OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      }
      // Bare dates too: year 0 would otherwise slip through and be written as "0000-...".
      if (t.getYear() < 1 || t.getYear() > 9999) {
        throw new IllegalArgumentException("is out of range");
      }
      return t;
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "is not a datetime such as 2024-03-04T09:12:00Z or 2024-03-04", e);
    }
  }
}
