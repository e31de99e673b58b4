package org.civic311.server.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.zip.CRC32C;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * Conditional GET: an {@code ETag} for every successful GET answer of a family that allows it,
 * taken from the answer's bytes (a checksum of a 1,000-request page costs well under a
 * millisecond, against the page's own rendering), or named by the route from a change marker;
 * {@code Last-Modified} where the route knows it. A matching {@code If-None-Match} (or, without
 * one, an {@code If-Modified-Since} not older than {@code Last-Modified}) is answered 304.
 */
public final class Validators {
  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
  /** RFC 9110's IMF-fixdate: a two-digit day, which RFC_1123_DATE_TIME does not write (but reads). */
  private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter
      .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private Validators() {}

  /** The answer with an ETag, unless it named its own. */
  static Answer tagged(Answer a) {
    if (a.header("ETag") != null) {
      return a;
    }
    CRC32C crc = new CRC32C();
    crc.update(a.body());
    return a.withHeader("ETag", "\"" + Long.toHexString(crc.getValue()) + "-" + Long.toHexString(a.body().length) + "\"");
  }

  /** A {@code Last-Modified} value for an instant. */
  public static String httpDate(Instant t) {
    return IMF_FIXDATE.format(t);
  }

  /** True when the caller's copy is current. */
  static boolean notModified(Request request, Answer a) {
    String etag = a.header("ETag");
    if (etag != null) {
      // An answer compressed by its route carries the mark itself.
      etag = etag.replace("--gzip\"", "\"");
    }
    String match = request.getHeaders().get(HttpHeader.IF_NONE_MATCH);
    if (match != null) {
      if (etag == null) {
        return false;
      }
      for (String candidate : match.split(",")) {
        String c = candidate.trim();
        if (c.startsWith("W/")) {
          c = c.substring(2);
        }
        // GzipHandler marks the tags of compressed answers; the bytes before it are the same.
        c = c.replace("--gzip\"", "\"");
        if (c.equals("*") || c.equals(etag)) {
          return true;
        }
      }
      return false;
    }
    String since = request.getHeaders().get(HttpHeader.IF_MODIFIED_SINCE);
    String modified = a.header("Last-Modified");
    if (since == null || modified == null) {
      return false;
    }
    try {
      Instant s = Instant.from(HTTP_DATE.parse(since));
      Instant m = Instant.from(HTTP_DATE.parse(modified));
      return !m.isAfter(s);
    } catch (RuntimeException e) {
      return false;
    }
  }
}
