package org.civic311.server.web.opendata;

import org.civic311.server.web.DocumentFamily;
import org.civic311.georeport.Format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.civic311.server.domain.RequestSearch.Selection;
import org.civic311.server.domain.opendata.DownloadFormat;
import org.civic311.server.domain.opendata.Downloads;
import org.civic311.server.storage.RequestStore;
import org.civic311.server.web.Answer;
import org.civic311.server.web.Cors;
import org.civic311.server.web.Exchange;
import org.civic311.server.web.Family;
import org.civic311.server.web.Routes;

/**
 * The bulk downloads over HTTP: {@code /data/requests.{csv,geojson,ndjson}} and
 * {@code /data/updates.{csv,ndjson}}, taking the filters of {@code GET requests}. The answer is
 * streamed; its validators come from the store's change marker and the query, so an unchanged
 * download is a 304 without a row read.
 */
public final class DownloadEndpoints {
  static final String REQUESTS = "/data/requests.";
  static final String UPDATES = "/data/updates.";
  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
  /**
   * How many downloads read the database at once. Each holds a cursor's connection and, for a
   * moment per batch, another: three take at most six of SQLite's eight readers, so the API
   * always has connections left. More downloads wait their turn (with their headers sent).
   */
  static final int AT_ONCE = 3;
  /** How long a download waits for its turn before it is given up. */
  static final long TURN_WAIT_SECONDS = 120;
  private final Semaphore turns = new Semaphore(AT_ONCE, true);
  private final Downloads downloads;
  private final DocumentFamily family;
  private final Clock clock;

  public DownloadEndpoints(Downloads downloads, Cors cors, Clock clock) {
    this.downloads = downloads;
    this.family = new DocumentFamily(p -> p.startsWith(REQUESTS) || p.startsWith(UPDATES), Format.JSON, "no-cache",
        "(requests come as .csv, .geojson or .ndjson, updates as .csv or .ndjson)", cors);
    this.clock = clock;
  }

  public Family family() {
    return family;
  }

  /** One route per download; any other name under them is the family's 404. */
  public void routes(Routes r) {
    for (DownloadFormat f : DownloadFormat.values()) {
      r.get(REQUESTS + f.extension(), family, x -> requests(x, f));
    }
    r.get(UPDATES + DownloadFormat.CSV.extension(), family, x -> updates(x, DownloadFormat.CSV));
    r.get(UPDATES + DownloadFormat.NDJSON.extension(), family, x -> updates(x, DownloadFormat.NDJSON));
  }

  private Answer requests(Exchange x, DownloadFormat format) {
    Selection s = downloads.select(x.queryParameters());
    return download(x, "requests", format, s, inTurn(out -> downloads.requests(s, format, out,
        Downloads.Progress.NONE)));
  }

  private Answer updates(Exchange x, DownloadFormat format) {
    Selection s = downloads.select(x.queryParameters());
    return download(x, "updates", format, s, inTurn(out -> downloads.updates(s, format, out,
        Downloads.Progress.NONE)));
  }

  /** The body written once a turn is free; the turn is given back however the writing ends. */
  private Answer.Stream inTurn(Answer.Stream body) {
    return out -> {
      try {
        if (!turns.tryAcquire(TURN_WAIT_SECONDS, TimeUnit.SECONDS)) {
          throw new IOException("no turn for a download within " + TURN_WAIT_SECONDS + " s");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for a turn", e);
      }
      try {
        body.writeTo(out);
      } finally {
        turns.release();
      }
    };
  }

  /** A download's answer: its body to be written, and the headers that name and validate it. */
  private Answer download(Exchange x, String kind, DownloadFormat format, Selection s, Answer.Stream body) {
    RequestStore.Marker m = downloads.marker(s);
    String j = s.jurisdiction().id();
    String file = kind + "-" + j.replaceAll("[^A-Za-z0-9._-]", "_") + "-"
        + LocalDate.now(clock.withZone(s.jurisdiction().zone())).format(DAY) + "." + format.extension();
    Answer a = Answer.streamed(200, format.contentType(), body)
        .withHeader("Content-Disposition", "attachment; filename=\"" + file + "\"")
        .withHeader("ETag", etag(x, kind, format, j, m));
    if (m.updatedAt() > 0) {
      a = a.withHeader("Last-Modified", HTTP_DATE.format(Instant.ofEpochMilli(m.updatedAt())));
    }
    return a;
  }

  /** The marker, and a checksum of what was asked, so that each filter has its own tag. */
  private static String etag(Exchange x, String kind, DownloadFormat format, String j, RequestStore.Marker m) {
    CRC32C asked = new CRC32C();
    String query = x.request().getHttpURI().getQuery();
    asked.update((kind + "|" + format.extension() + "|" + j + "|" + (query == null ? "" : query))
        .getBytes(StandardCharsets.UTF_8));
    return "\"" + Long.toHexString(asked.getValue()) + "-" + Long.toHexString(m.updatedAt()) + "-"
        + Long.toHexString(m.requestId()) + "-" + Long.toHexString(m.updateId()) + "\"";
  }
}
