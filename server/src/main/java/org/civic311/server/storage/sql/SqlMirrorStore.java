package org.civic311.server.storage.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.civic311.server.storage.MirrorStore;

/** {@link MirrorStore} in the {@code mirror_harvests} table. */
final class SqlMirrorStore implements MirrorStore {
  private static final String COLUMNS = "jurisdiction_id, source, method, started_at, finished_at, succeeded_at,"
      + " newest_change, seen, added, updated, last_error, error_at";
  private final Reader reads;
  private final Writer writes;

  SqlMirrorStore(Reader reads, Writer writes) {
    this.reads = reads;
    this.writes = writes;
  }

  @Override
  public Optional<Harvest> find(String jurisdictionId) {
    return Guard.call("read a mirror's harvests", () -> reads.withHandle(h -> h.createQuery(
        "SELECT " + COLUMNS + " FROM mirror_harvests WHERE jurisdiction_id = :j")
        .bind("j", jurisdictionId).map((rs, ctx) -> harvest(rs)).findOne()));
  }

  @Override
  public List<Harvest> all() {
    return Guard.call("read the mirrors' harvests", () -> reads.withHandle(h -> h.createQuery(
        "SELECT " + COLUMNS + " FROM mirror_harvests ORDER BY jurisdiction_id")
        .map((rs, ctx) -> harvest(rs)).list()));
  }

  @Override
  public void started(String jurisdictionId, String source, long now) {
    Guard.call("record a harvest's start", () -> writes.inTransaction(h -> {
      int n = h.createUpdate("UPDATE mirror_harvests SET started_at = :now, source = :source WHERE jurisdiction_id = :j")
          .bind("now", now).bind("source", source).bind("j", jurisdictionId).execute();
      if (n == 0) {
        h.createUpdate("INSERT INTO mirror_harvests (jurisdiction_id, source, started_at) VALUES (:j, :source, :now)"
            + " ON CONFLICT (jurisdiction_id) DO NOTHING")
            .bind("now", now).bind("source", source).bind("j", jurisdictionId).execute();
      }
      return null;
    }));
  }

  @Override
  public void succeeded(String jurisdictionId, String method, Long newestChange, long seen, long added, long updated,
      long now) {
    // The newest change only moves forward; a harvest that saw no dates leaves it.
    String newest = newestChange == null ? "" : ", newest_change = CASE WHEN newest_change IS NULL"
        + " OR newest_change < " + newestChange + " THEN " + newestChange + " ELSE newest_change END";
    Guard.call("record a harvest", () -> writes.inTransaction(h -> h.createUpdate(
        "UPDATE mirror_harvests SET method = :method, finished_at = :now, succeeded_at = :now" + newest
            + ", seen = :seen, added = :added, updated = :updated,"
            + " last_error = NULL, error_at = NULL WHERE jurisdiction_id = :j")
        .bind("method", method).bind("now", now).bind("seen", seen)
        .bind("added", added).bind("updated", updated).bind("j", jurisdictionId).execute()));
  }

  @Override
  public void failed(String jurisdictionId, String error, long now) {
    Guard.call("record a failed harvest", () -> writes.inTransaction(h -> h.createUpdate(
        "UPDATE mirror_harvests SET finished_at = :now, last_error = :error, error_at = :now WHERE jurisdiction_id = :j")
        .bind("now", now).bind("error", error).bind("j", jurisdictionId).execute()));
  }

  private static Harvest harvest(ResultSet rs) throws SQLException {
    return new Harvest(rs.getString(1), rs.getString(2), rs.getString(3), nullable(rs, 4), nullable(rs, 5),
        nullable(rs, 6), nullable(rs, 7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getString(11),
        nullable(rs, 12));
  }

  private static Long nullable(ResultSet rs, int column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }
}
