package org.civic311.server.web;

import java.util.Optional;
import org.civic311.georeport.Format;
import org.civic311.server.domain.RequestSearch;

/**
 * {@code GET requests}: a plain public list is answered from {@link ListCache} while the data
 * and its window are unchanged, and else read by its public columns and written straight to
 * bytes; ids and extensions go the general way. Either way the bytes are the same.
 */
final class RequestLists {
  /** What the kept pages may weigh in all: a few hundred of the largest pages. */
  static final long CACHE_BYTES = 64L << 20;

  private final RequestSearch search;
  private final ListCache cache = new ListCache(CACHE_BYTES);

  RequestLists(RequestSearch search) {
    this.search = search;
  }

  Answer list(Exchange x) {
    Optional<RequestSearch.Listing> listing = search.listing(x.parameters());
    Format format = GeoReportApi.format(x);
    if (listing.isEmpty()) {
      return null;
    }
    RequestSearch.Listing l = listing.get();
    String key = key(x, l, format);
    ListCache.Page page = cache.find(key, search.changeMarker(), l.query());
    if (page == null) {
      RequestSearch.ListedPage read = search.page(l);
      page = cache.keep(key, new ListCache.Page(read.marker(), l.query(), read.oldestRequestedAt(),
          read.nextRequestedAt(), Reply.requests(read.requests(), format).body()));
    }
    return answer(x, format, page);
  }

  /** {@code GET requests/{id}} without extensions, or null for the general way. */
  Answer one(Exchange x) {
    Optional<RequestSearch.Single> single = search.single(x.parameters(), x.param("id"));
    if (single.isEmpty()) {
      return null;
    }
    Format format = GeoReportApi.format(x);
    String key = "one\n" + single.get().jurisdiction().id() + '\n' + single.get().id() + '\n' + format.name()
        + '\n' + rest(x);
    ListCache.Page page = cache.find(key, search.changeMarker(), null);
    if (page == null) {
      RequestSearch.ListedPage read = search.page(single.get());
      var updated = read.requests().get(0).updatedDatetime();
      page = cache.keep(key, new ListCache.Page(read.marker(), Reply.requests(read.requests(), format).body(),
          updated == null ? null : Validators.httpDate(updated.toInstant())));
    }
    Answer a = answer(x, format, page);
    return page.lastModified == null ? a : a.withHeader("Last-Modified", page.lastModified);
  }

  private static Answer answer(Exchange x, Format format, ListCache.Page page) {
    if (page.body.length >= GZIP_FROM && acceptsGzip(x.header("Accept-Encoding"))) {
      // Compressed once and kept: the compression handler would otherwise do it again for every call.
      return Answer.of(200, format.contentType(), page.gzipped()).withHeader("Content-Encoding", "gzip")
          .withHeader("Vary", "Accept-Encoding")
          .withHeader("ETag", page.etag.substring(0, page.etag.length() - 1) + "--gzip\"");
    }
    return Answer.of(200, format.contentType(), page.body).withHeader("ETag", page.etag);
  }

  /** The size from which the compression handler compresses too. */
  private static final int GZIP_FROM = 1024;

  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String part : acceptEncoding.split(",")) {
      String[] p = part.trim().split(";");
      if (p[0].trim().equalsIgnoreCase("gzip")) {
        for (int i = 1; i < p.length; i++) {
          String q = p[i].trim().replace(" ", "");
          if (q.matches("q=0(\\.0*)?")) {
            return false;
          }
        }
        return true;
      }
    }
    return false;
  }

  private static String key(Exchange x, RequestSearch.Listing l, Format format) {
    return l.jurisdiction().id() + '\n' + format.name() + '\n' + rest(x);
  }

  /** What else of the call may shape the answer: its query and the reader's languages. */
  private static String rest(Exchange x) {
    String query = x.request().getHttpURI().getQuery();
    String language = x.header("Accept-Language");
    return (query == null ? "" : query) + '\n' + (language == null ? "" : language);
  }
}
