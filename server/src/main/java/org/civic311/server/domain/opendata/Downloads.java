package org.civic311.server.domain.opendata;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civic311.georeport.Document;
import org.civic311.georeport.Documents;
import org.civic311.georeport.Parameters;
import org.civic311.georeport.RequestExtensions;
import org.civic311.server.domain.Extensions;
import org.civic311.server.domain.PublicView;
import org.civic311.server.domain.RequestSearch;
import org.civic311.server.domain.RequestSearch.Selection;
import org.civic311.server.storage.Cursor;
import org.civic311.server.storage.PublicRequestRow;
import org.civic311.server.storage.RequestQuery;
import org.civic311.server.storage.RequestRecord;
import org.civic311.server.storage.RequestStore;
import org.civic311.server.storage.UpdateRecord;
import org.civic311.server.storage.UpdateStore;

/**
 * The bulk downloads: every public request (or update) matching the filters of
 * {@code GET requests}, with no window and no cap, written as it is read from a database cursor.
 * Memory stays constant. The tables (CSV, GeoJSON) read only the public columns, one row at a
 * time; NDJSON, which has the update history and answers of {@code extensions=true}, takes
 * requests {@value #BATCH} at a time and each batch's extensions in three queries, as a page of
 * the API does. What is published goes through the API's own chokepoints ({@link PublicView},
 * {@link Extensions}), so a download shows exactly what the API shows: no hidden request, no
 * reporter's details, masked free texts.
 *
 * <p>The stream is not closed. An {@link IOException} from it (a client gone away) ends the
 * writing and closes the cursor, which ends the query and frees its connection.
 */
public final class Downloads {
  static final int BATCH = 500;
  /** Rows handed from the reading thread to the writing one at a time. */
  private static final int CHUNK = 256;
  private static final int BUFFER = 64 * 1024;
  private final RequestSearch search;
  private final RequestStore requests;
  private final UpdateStore updates;
  private final Extensions extensions;

  public Downloads(RequestSearch search, RequestStore requests, UpdateStore updates, Extensions extensions) {
    this.search = search;
    this.requests = requests;
    this.updates = updates;
    this.extensions = extensions;
  }

  /** Told how many rows are written so far, after each batch. */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = rows -> {};

    void rows(long written);
  }

  /** What the filters select; throws a {@code Refusal} naming each bad filter, as the API does. */
  public Selection select(Parameters filters) {
    return search.selection(filters);
  }

  /** A marker that changes whenever what the selection gives may have changed. */
  public RequestStore.Marker marker(Selection s) {
    return requests.marker(s.jurisdiction().id());
  }

  /** How many requests the selection holds now. */
  public long count(Selection s) {
    return requests.count(s.query());
  }

  /** Writes the selected requests in {@code format}; returns how many. */
  public long requests(Selection s, DownloadFormat format, OutputStream out, Progress progress) throws IOException {
    BufferedOutputStream buffered = new BufferedOutputStream(out, BUFFER);
    long written = switch (format) {
      case CSV -> table(s, new CsvSheet<>(buffered, Columns.REQUESTS, PublishedRequest::cells), progress);
      case GEOJSON -> table(s, new GeoJsonSheet(buffered), progress);
      case NDJSON -> documents(s, buffered, progress);
    };
    buffered.flush();
    return written;
  }

  /**
   * The columns of a table (CSV, GeoJSON): read as they are stored, the free texts masked, with
   * no other query, since the request row keeps its close time and photo count.
   */
  private long table(Selection s, Sheet<PublishedRequest> sheet, Progress progress) throws IOException {
    LocalTimes times = new LocalTimes(s.jurisdiction().zone());
    long written = 0;
    // The rows are read and masked on another thread while this one encodes them.
    try (ReadAhead<PublicRequestRow, PublishedRequest> rows = new ReadAhead<>("civic311-download-reader",
        () -> requests.scanPublic(s.query()), row -> PublishedRequest.of(row, times), CHUNK)) {
      for (List<PublishedRequest> chunk = rows.next(); chunk != null; chunk = rows.next()) {
        for (PublishedRequest r : chunk) {
          sheet.write(r);
        }
        written += chunk.size();
        progress.rows(written);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("the download was interrupted");
    }
    sheet.finish();
    progress.rows(written);
    return written;
  }

  /**
   * GeoReport JSON documents in the {@code extensions=true} shape, with the history and answers:
   * taken {@value #BATCH} requests at a time, each batch's extensions in three queries.
   */
  private long documents(Selection s, OutputStream out, Progress progress) throws IOException {
    ZoneId zone = s.jurisdiction().zone();
    NdjsonSheet<Document> lines = new NdjsonSheet<>(out, d -> d);
    long written = 0;
    try (Cursor<RequestRecord> cursor = requests.scan(s.query())) {
      List<RequestRecord> batch = new ArrayList<>(BATCH);
      while (cursor.hasNext()) {
        batch.clear();
        while (batch.size() < BATCH && cursor.hasNext()) {
          batch.add(cursor.next());
        }
        List<RequestExtensions> extended = extensions.of(batch, zone);
        for (int i = 0; i < batch.size(); i++) {
          lines.write(Documents.requests(List.of(PublicView.of(batch.get(i), zone)), List.of(extended.get(i))));
        }
        written += batch.size();
        progress.rows(written);
      }
    }
    lines.finish();
    return written;
  }

  /**
   * Writes the public updates of the selected requests, request by request (by id) and each
   * request's oldest first; {@code updated_after}/{@code updated_before} bound the updates' own
   * times too. Not in GeoJSON: an update has no place of its own.
   */
  public long updates(Selection s, DownloadFormat format, OutputStream out, Progress progress) throws IOException {
    BufferedOutputStream buffered = new BufferedOutputStream(out, BUFFER);
    String j = s.jurisdiction().id();
    Sheet<PublishedUpdate> sheet = switch (format) {
      case CSV -> new CsvSheet<>(buffered, Columns.UPDATES, PublishedUpdate::cells);
      case NDJSON -> new NdjsonSheet<PublishedUpdate>(buffered, u -> Documents.updates(List.of(u.update())));
      case GEOJSON -> throw new IllegalArgumentException("updates are not published as GeoJSON");
    };
    RequestQuery q = s.query();
    ZoneId zone = s.jurisdiction().zone();
    long written = 0;
    try (Cursor<RequestRecord> cursor = requests.scan(q)) {
      List<Long> batch = new ArrayList<>(BATCH);
      while (cursor.hasNext()) {
        batch.clear();
        while (batch.size() < BATCH && cursor.hasNext()) {
          batch.add(cursor.next().id());
        }
        Map<Long, List<UpdateRecord>> history = updates.historyOf(batch);
        for (Long id : batch) {
          for (UpdateRecord u : history.getOrDefault(id, List.of())) {
            if ((q.updatedFrom() == null || u.updatedAt() >= q.updatedFrom())
                && (q.updatedTo() == null || u.updatedAt() <= q.updatedTo())) {
              sheet.write(new PublishedUpdate(j, Extensions.publish(u, zone)));
              written++;
            }
          }
        }
        progress.rows(written);
      }
    }
    sheet.finish();
    buffered.flush();
    return written;
  }
}
