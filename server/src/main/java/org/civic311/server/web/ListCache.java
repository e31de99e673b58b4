package org.civic311.server.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.zip.CRC32C;
import java.util.zip.GZIPOutputStream;
import org.civic311.server.storage.RequestQuery;

/**
 * Encoded public list pages kept for the next identical query, bounded by their bytes. A page is
 * reused only while the store's change marker is the one read before its rows, so nothing written
 * since is missed; and only while the query's window, which moves with the clock when no date was
 * given, still selects the same requests.
 */
final class ListCache {
  private final Cache<String, Page> pages;

  ListCache(long maxBytes) {
    pages = Caffeine.newBuilder()
        .maximumWeight(maxBytes)
        .weigher((String key, Page p) -> key.length() + p.body.length + 256)
        .build();
  }

  /**
   * A page kept under {@code key} that is still exact for {@code query} (null for one request) at
   * {@code marker}, or null.
   */
  Page find(String key, String marker, RequestQuery query) {
    Page p = pages.getIfPresent(key);
    return p != null && p.marker.equals(marker) && p.covers(query) ? p : null;
  }

  Page keep(String key, Page page) {
    pages.put(key, page);
    return page;
  }

  /**
   * One encoded page and what it is exact for.
   *
   * @param marker the store's change marker read before the rows
   * @param from   the window's start the rows were read with (null: none)
   * @param to     the window's end (null: none)
   * @param oldest the earliest {@code requested_at} on the page, null if it is empty
   * @param next   the earliest {@code requested_at} of the jurisdiction after {@code to}, null if none
   */
  static final class Page {
    final String marker;
    final Long from;
    final Long to;
    final boolean newestFirst;
    final Long oldest;
    final Long next;
    final byte[] body;
    final String etag;
    /** The answer's {@code Last-Modified}, or null. */
    final String lastModified;
    private volatile byte[] gzipped;

    /** A page of a list read with {@code query}. */
    Page(String marker, RequestQuery query, Long oldest, Long next, byte[] body) {
      this(marker, query.requestedFrom(), query.requestedTo(), newestFirst(query), oldest, next, body, null);
    }

    /** One request's answer: there is no window to move. */
    Page(String marker, byte[] body, String lastModified) {
      this(marker, null, null, false, null, null, body, lastModified);
    }

    private Page(String marker, Long from, Long to, boolean newestFirst, Long oldest, Long next, byte[] body,
        String lastModified) {
      this.marker = marker;
      this.from = from;
      this.to = to;
      this.newestFirst = newestFirst;
      this.lastModified = lastModified;
      this.oldest = oldest;
      this.next = next;
      this.body = body;
      CRC32C crc = new CRC32C();
      crc.update(body);
      this.etag = "\"" + Long.toHexString(crc.getValue()) + "-" + Long.toHexString(body.length) + "\"";
    }

    private static boolean newestFirst(RequestQuery q) {
      return !q.byRelevance() && q.staff().order() == RequestQuery.Order.NEWEST;
    }

    /**
     * True when {@code q} (the same parameters, read later) selects this page's rows. A window
     * that moved forward drops only requests older than every row here, which newest-first puts
     * after them, and takes in none unless its end passed the next request after the old end.
     */
    boolean covers(RequestQuery q) {
      Long f = q == null ? null : q.requestedFrom();
      Long t = q == null ? null : q.requestedTo();
      if (Objects.equals(f, from) && Objects.equals(t, to)) {
        return true;
      }
      if (q == null || !newestFirst || !newestFirst(q) || f == null || from == null || t == null || to == null) {
        return false;
      }
      boolean startKeepsRows = f >= from && (oldest == null || oldest >= f);
      boolean endTakesNone = t >= to && (next == null || next > t);
      return startKeepsRows && endTakesNone;
    }

    /** The body compressed with gzip, made once on first asking. */
    byte[] gzipped() {
      byte[] g = gzipped;
      if (g == null) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 6 + 64);
        try (GZIPOutputStream z = new GZIPOutputStream(out, 8192)) {
          z.write(body);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        g = out.toByteArray();
        gzipped = g;
      }
      return g;
    }
  }
}
