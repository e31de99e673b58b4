package org.civic311.server.storage.sql;

import java.util.List;
import org.civic311.server.storage.EventRecord;
import org.civic311.server.storage.EventStore;

/** {@link EventStore} in the {@code events} table (migration V16), which triggers fill. */
final class SqlEventStore implements EventStore {
  private final Reader reads;

  SqlEventStore(Reader reads) {
    this.reads = reads;
  }

  @Override
  public List<EventRecord> after(long after, int limit) {
    return Guard.call("read the event log", () -> reads.withHandle(h -> h.createQuery(
        "SELECT id, at, kind, jurisdiction_id, request_id, update_row, service_code, status, lat, lon"
            + " FROM events WHERE id > :after ORDER BY id LIMIT :limit")
        .bind("after", after).bind("limit", limit)
        .map((rs, ctx) -> {
          long updateRow = rs.getLong(6);
          Long update = rs.wasNull() ? null : updateRow;
          double lat = rs.getDouble(9);
          Double la = rs.wasNull() ? null : lat;
          double lon = rs.getDouble(10);
          Double lo = rs.wasNull() ? null : lon;
          return new EventRecord(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
              update, rs.getString(7), rs.getString(8), la, lo);
        })
        .list()));
  }

  @Override
  public long newest() {
    return Guard.call("read the event log", () -> reads.withHandle(h -> h.createQuery(
        "SELECT COALESCE(MAX(id), 0) FROM events").mapTo(Long.class).one()));
  }
}
