package org.civic311.georeport;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes {@code application/x-www-form-urlencoded} text (request bodies and query strings)
 * strictly: malformed percent escapes and bytes that are not UTF-8 are errors naming the
 * parameter, never silently replaced. Parameter names are kept literally, so that
 * {@code attribute[CODE][]} reaches {@link Parameters} as it was sent.
 */
public final class FormDecoder {
  private FormDecoder() {}

  /** Adds every {@code name=value} pair of {@code encoded} to {@code into}, in order. */
  public static void decode(byte[] encoded, Parameters.Builder into) {
    int start = 0;
    int n = encoded.length;
    while (start <= n) {
      int end = start;
      while (end < n && encoded[end] != '&') {
        end++;
      }
      if (end > start) {
        int eq = start;
        while (eq < end && encoded[eq] != '=') {
          eq++;
        }
        String name = unescape(encoded, start, eq, null);
        String value = eq < end ? unescape(encoded, eq + 1, end, name) : "";
        into.add(name, value);
      }
      start = end + 1;
    }
  }

  /**
   * Decodes a raw (still percent-encoded) query string; null and empty add nothing. Characters
   * a client sent unencoded are taken as the UTF-8 they arrived as; a U+FFFD replacement
   * character means the server's HTTP layer met bytes that were not UTF-8, which is refused.
   */
  public static void decode(String rawQuery, Parameters.Builder into) {
    if (rawQuery != null && !rawQuery.isEmpty()) {
      if (rawQuery.indexOf('\uFFFD') >= 0) {
        throw new ParameterException("", "the query string is not valid UTF-8");
      }
      decode(rawQuery.getBytes(StandardCharsets.UTF_8), into);
    }
  }

  private static String unescape(byte[] b, int from, int to, String parameter) {
    byte[] out = new byte[to - from];
    int len = 0;
    for (int i = from; i < to; i++) {
      byte c = b[i];
      if (c == '+') {
        out[len++] = ' ';
      } else if (c == '%') {
        if (i + 2 >= to) {
          throw malformed(parameter, b, from, to);
        }
        int hi = Character.digit(b[i + 1], 16);
        int lo = Character.digit(b[i + 2], 16);
        if (hi < 0 || lo < 0) {
          throw malformed(parameter, b, from, to);
        }
        out[len++] = (byte) (hi << 4 | lo);
        i += 2;
      } else {
        out[len++] = c;
      }
    }
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return utf8.decode(ByteBuffer.wrap(out, 0, len)).toString();
    } catch (CharacterCodingException e) {
      String what = parameter == null ? "a parameter name" : "parameter '" + parameter + "'";
      throw new ParameterException(parameter == null ? "" : parameter, what + " is not valid UTF-8");
    }
  }

  private static ParameterException malformed(String parameter, byte[] b, int from, int to) {
    String what = parameter == null ? "a parameter name" : "parameter '" + parameter + "'";
    return new ParameterException(parameter == null ? "" : parameter,
        what + " has a malformed percent escape");
  }
}
