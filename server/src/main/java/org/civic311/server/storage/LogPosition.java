package org.civic311.server.storage;

import java.util.OptionalLong;

/**
 * A position in the primary database's write-ahead log as one number (bytes from its start), and
 * its text form as PostgreSQL writes it ({@code 16/B374D848}: the high and low 32 bits in hex).
 */
public final class LogPosition {
  private LogPosition() {}

  /** The text form of {@code position}. */
  public static String format(long position) {
    return Long.toHexString(position >>> 32).toUpperCase(java.util.Locale.ROOT) + "/"
        + Long.toHexString(position & 0xFFFF_FFFFL).toUpperCase(java.util.Locale.ROOT);
  }

  /** The position written as {@code HIGH/LOW} in hex (at most 8 digits each), or empty for anything else. */
  public static OptionalLong parse(String text) {
    if (text == null) {
      return OptionalLong.empty();
    }
    int slash = text.indexOf('/');
    if (slash < 1 || slash > 8 || text.length() - slash - 1 < 1 || text.length() - slash - 1 > 8) {
      return OptionalLong.empty();
    }
    long high = hex(text, 0, slash);
    long low = hex(text, slash + 1, text.length());
    if (high < 0 || low < 0) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(high << 32 | low);
  }

  private static long hex(String text, int from, int to) {
    long value = 0;
    for (int i = from; i < to; i++) {
      int digit = Character.digit(text.charAt(i), 16);
      if (digit < 0) {
        return -1;
      }
      value = value << 4 | digit;
    }
    return value;
  }
}
