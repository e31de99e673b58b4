package org.civic311.server.domain.imports;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** What every format does to a field: blanks, repaired mojibake, numbers, service codes. */
final class Fields {
  private Fields() {}

  /** The field at {@code i}, trimmed; null when blank or absent. */
  static String text(String[] row, int i) {
    if (i < 0 || i >= row.length) {
      return null;
    }
    String v = row[i].strip();
    return v.isEmpty() ? null : v;
  }

  /**
   * The field as {@link #text}, with UTF-8 that was once read as Latin-1 and written back as
   * UTF-8 ("Transportation\u00e2\u0080\u0099s") turned back into what it was ("Transportation’s"),
   * with a warning. Text that only looks like it (a real "é") does not decode as UTF-8 and stays.
   */
  static String repaired(String[] row, int i, String column, List<String> warnings) {
    String v = text(row, i);
    if (v == null) {
      return null;
    }
    boolean suspicious = false;
    for (int k = 0; k < v.length(); k++) {
      char c = v.charAt(k);
      if (c > 0xFF) {
        return v;
      }
      if (c >= 0xC2 && c <= 0xF4) {
        suspicious = true;
      }
    }
    if (!suspicious) {
      return v;
    }
    try {
      String fixed = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(v.getBytes(StandardCharsets.ISO_8859_1))).toString();
      if (!fixed.equals(v)) {
        warnings.add("repaired mojibake in " + column);
        return fixed;
      }
      return v;
    } catch (CharacterCodingException e) {
      return v;
    }
  }

  /** A coordinate within {@code limit} degrees; null when blank. */
  static Double degrees(String[] row, int i, String column, double limit) throws RowRejected {
    String v = text(row, i);
    if (v == null) {
      return null;
    }
    try {
      double d = Double.parseDouble(v);
      if (Double.isNaN(d) || Math.abs(d) > limit) {
        throw new RowRejected(column + " '" + v + "' is not between -" + (int) limit + " and " + (int) limit);
      }
      return d;
    } catch (NumberFormatException e) {
      throw new RowRejected(column + " '" + v + "' is not a number");
    }
  }

  /**
   * A service code made from names: lower case letters and digits, runs of anything else one
   * hyphen, at most 64 characters.
   */
  static String code(String name) {
    StringBuilder sb = new StringBuilder();
    boolean gap = false;
    for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
      if (Character.isLetterOrDigit(c)) {
        if (gap && sb.length() > 0) {
          sb.append('-');
        }
        sb.append(c);
        gap = false;
      } else {
        gap = true;
      }
    }
    return sb.length() > 64 ? sb.substring(0, 64) : sb.toString();
  }

  /** A hash of the row as read (FNV-1a, 64 bits), to tell on a rerun whether it changed. */
  static String digest(String[] row) {
    long h = 0xcbf29ce484222325L;
    for (String field : row) {
      for (int k = 0; k < field.length(); k++) {
        h ^= field.charAt(k);
        h *= 0x100000001b3L;
      }
      h ^= 0x1F;
      h *= 0x100000001b3L;
    }
    return Long.toHexString(h);
  }
}
