package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.civic311.server.storage.RequestQuery;
import org.junit.jupiter.api.Test;

/** When a kept list page is still exact for the same parameters read later. */
class ListCacheTest {
  private static final long DAY = 86_400_000L;
  private static final long T0 = 1_800_000_000_000L;

  private static RequestQuery window(long from, long to, boolean relevance) {
    return new RequestQuery("city", List.of(), List.of(), List.of(), from, to, null, null, null, null,
        relevance ? List.of("pothole") : List.of(), relevance, 0, 50);
  }

  private static ListCache.Page page(RequestQuery q, Long oldest, Long next) {
    return new ListCache.Page("m1", q, oldest, next, "[]".getBytes());
  }

  @Test
  void theSameWindowIsCovered() {
    RequestQuery q = window(T0 - 90 * DAY, T0, false);
    assertThat(page(q, T0 - 10 * DAY, null).covers(q)).isTrue();
  }

  @Test
  void aWindowThatMovedIsCoveredOnlyWhileItDropsNoRowAndTakesInNone() {
    RequestQuery built = window(T0 - 90 * DAY, T0, false);
    ListCache.Page p = page(built, T0 - 80 * DAY, T0 + DAY);
    assertThat(p.covers(window(T0 - 90 * DAY + 5_000, T0 + 5_000, false))).isTrue();
    // The start passed the oldest row on the page: it would leave.
    assertThat(p.covers(window(T0 - 79 * DAY, T0 + 11 * DAY, false))).isFalse();
    // The end reached the next request after the old end: it would come in.
    assertThat(p.covers(window(T0 - 89 * DAY, T0 + DAY, false))).isFalse();
    // An empty page with nothing after its end stays empty.
    assertThat(page(built, null, null).covers(window(T0 - 60 * DAY, T0 + 30 * DAY, false))).isTrue();
  }

  @Test
  void aPageInRelevanceOrderIsCoveredOnlyByTheVeryWindowItWasReadWith() {
    RequestQuery built = window(T0 - 90 * DAY, T0, true);
    ListCache.Page p = page(built, T0 - 80 * DAY, null);
    assertThat(p.covers(built)).isTrue();
    assertThat(p.covers(window(T0 - 90 * DAY + 1, T0 + 1, true))).isFalse();
  }

  @Test
  void aPageIsFoundOnlyUnderItsMarker() {
    ListCache cache = new ListCache(1 << 20);
    RequestQuery q = window(T0 - 90 * DAY, T0, false);
    cache.keep("k", page(q, null, null));
    assertThat(cache.find("k", "m1", q)).isNotNull();
    assertThat(cache.find("k", "m2", q)).isNull();
    assertThat(cache.find("other", "m1", q)).isNull();
  }

  @Test
  void theGzippedBodyInflatesToTheBody() throws IOException {
    byte[] body = "[{\"service_request_id\":\"1\"}]".repeat(100).getBytes();
    ListCache.Page p = new ListCache.Page("m", window(0, DAY, false), null, null, body);
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(p.gzipped()))) {
      assertThat(in.readAllBytes()).isEqualTo(body);
    }
    assertThat(p.gzipped()).isSameAs(p.gzipped());
  }
}
