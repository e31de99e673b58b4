package org.civic311.server.domain.opendata;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civic311.georeport.Documents;
import org.civic311.georeport.Parameters;
import org.civic311.georeport.RequestExtensions;
import org.civic311.georeport.Status;
import org.civic311.server.domain.Extensions;
import org.civic311.server.domain.PublicView;
import org.civic311.server.domain.RequestSearch;
import org.civic311.server.domain.RequestSearch.Selection;
import org.civic311.server.storage.Cursor;
import org.civic311.server.storage.RequestQuery;
import org.civic311.server.storage.RequestRecord;
import org.civic311.server.storage.RequestStore;
import org.civic311.server.storage.UpdateRecord;
import org.civic311.server.storage.UpdateStore;

/**
 * The bulk downloads: every public request (or update) matching the filters of
 * {@code GET requests}, with no window and no cap, written as it is read from a database cursor.
 * Memory stays constant: requests are taken {@value #BATCH} at a time, and each batch gets its
 * extensions and history in three queries, as a page of the API does. What is published goes
 * through the API's own chokepoints ({@link PublicView}, {@link Extensions}), so a download shows
 * exactly what the API shows: no hidden request, no reporter's details, masked free texts.
 *
 * <p>The stream is not closed. An {@link IOException} from it (a client gone away) ends the
 * writing and closes the cursor, which ends the query and frees its connection.
 */
public final class Downloads {
  static final int BATCH = 500;
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
    String j = s.jurisdiction().id();
    Sheet<PublishedRequest> sheet = switch (format) {
      case CSV -> new CsvSheet<>(buffered, Columns.REQUESTS, PublishedRequest::cells);
      case GEOJSON -> new GeoJsonSheet(buffered);
      case NDJSON -> new NdjsonSheet<PublishedRequest>(buffered,
          r -> Documents.requests(List.of(r.request()), List.of(r.extensions())));
    };
    long written = 0;
    try (Cursor<RequestRecord> cursor = requests.scan(s.query())) {
      List<RequestRecord> batch = new ArrayList<>(BATCH);
      while (cursor.hasNext()) {
        batch.clear();
        while (batch.size() < BATCH && cursor.hasNext()) {
          batch.add(cursor.next());
        }
        for (PublishedRequest r : publish(batch, j, s.jurisdiction().zone())) {
          sheet.write(r);
        }
        written += batch.size();
        progress.rows(written);
      }
    }
    sheet.finish();
    buffered.flush();
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

  private List<PublishedRequest> publish(List<RequestRecord> batch, String j, ZoneId zone) {
    List<RequestExtensions> extended = extensions.of(batch, zone);
    List<PublishedRequest> out = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      RequestRecord r = batch.get(i);
      RequestExtensions x = extended.get(i);
      out.add(new PublishedRequest(j, PublicView.of(r, zone), x, closedAt(r, x, zone), x.mediaUrls().size()));
    }
    return out;
  }

  /** The time of the newest update that closed it, or its last change when it was closed without one. */
  private static OffsetDateTime closedAt(RequestRecord r, RequestExtensions x, ZoneId zone) {
    if (!Status.CLOSED.wireName().equals(r.status())) {
      return null;
    }
    OffsetDateTime closed = null;
    for (var note : x.notes()) {
      boolean closes = note.status().core().map(c -> c == Status.CLOSED).orElse(false);
      if (closes && (closed == null || note.updatedDatetime().isAfter(closed))) {
        closed = note.updatedDatetime();
      }
    }
    return closed != null ? closed : Instant.ofEpochMilli(r.updatedAt()).atZone(zone).toOffsetDateTime();
  }
}
