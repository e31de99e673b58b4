package org.civic311.server.storage.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civic311.server.storage.FollowerRecord;
import org.civic311.server.storage.FollowerStore;
import org.civic311.server.storage.UpdateRecord;
import org.jdbi.v3.core.Jdbi;

final class SqlFollowerStore implements FollowerStore {
  private final Jdbi reads;
  private final Writer writes;

  SqlFollowerStore(Jdbi reads, Writer writes) {
    this.reads = reads;
    this.writes = writes;
  }

  @Override
  public FollowerRecord add(long requestId, String email, String locale, String token, long now) {
    return Guard.call("store a follower", () -> writes.inTransaction(h -> {
      long id = h.createUpdate("INSERT INTO request_followers (request_id, email, locale, token, created_at)"
              + " VALUES (:r, :email, :locale, :token, :now)")
          .bind("r", requestId).bind("email", email).bind("locale", locale).bind("token", token).bind("now", now)
          .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
      return new FollowerRecord(id, requestId, email, locale, token, now, null);
    }));
  }

  @Override
  public List<FollowerRecord> activeFollowers(long requestId) {
    return Guard.call("read followers", () -> reads.withHandle(h -> h
        .createQuery("SELECT * FROM request_followers WHERE request_id = :r AND unsubscribed_at IS NULL ORDER BY id")
        .bind("r", requestId).map((rs, ctx) -> row(rs)).list()));
  }

  @Override
  public Optional<FollowerRecord> findByToken(String token) {
    return Guard.call("find a follower", () -> reads.withHandle(h -> h
        .createQuery("SELECT * FROM request_followers WHERE token = :t").bind("t", token)
        .map((rs, ctx) -> row(rs)).findOne()));
  }

  @Override
  public boolean unsubscribe(String token, long now) {
    return Guard.call("unsubscribe", () -> writes.inTransaction(h -> h
        .createUpdate("UPDATE request_followers SET unsubscribed_at = :now WHERE token = :t"
            + " AND unsubscribed_at IS NULL")
        .bind("t", token).bind("now", now).execute() > 0));
  }

  @Override
  public long cursor(String job) {
    return Guard.call("read a job cursor", () -> reads.withHandle(h -> h
        .createQuery("SELECT position FROM job_cursors WHERE name = :n").bind("n", job)
        .mapTo(Long.class).findOne().orElse(0L)));
  }

  @Override
  public boolean advance(String job, long from, long to) {
    return Guard.call("move a job cursor", () -> writes.inTransaction(h -> {
      int n = h.createUpdate("UPDATE job_cursors SET position = :to WHERE name = :n AND position = :from")
          .bind("n", job).bind("from", from).bind("to", to).execute();
      if (n == 0 && from == 0 && h.createQuery("SELECT COUNT(*) FROM job_cursors WHERE name = :n").bind("n", job)
          .mapTo(Integer.class).one() == 0) {
        h.createUpdate("INSERT INTO job_cursors (name, position) VALUES (:n, :to)").bind("n", job).bind("to", to)
            .execute();
        return true;
      }
      return n > 0;
    }));
  }

  @Override
  public List<UpdateRecord> updatesAfter(long afterId, long recordedBefore, int limit) {
    // Not "WHERE recorded_at < :before": recorded_at follows id only roughly (each node's clock,
    // read before the insert), and a young update skipped under an older one of higher id would
    // be behind the cursor for good. Stopping at the first young one waits for it instead.
    List<Map.Entry<Long, UpdateRecord>> rows = Guard.call("read updates", () -> reads.withHandle(h -> h
        .createQuery("SELECT * FROM request_updates WHERE id > :after ORDER BY id LIMIT :limit")
        .bind("after", afterId).bind("limit", limit)
        .map((rs, ctx) -> Map.entry(rs.getLong("recorded_at"), SqlUpdateStore.row(rs, List.of()))).list()));
    List<UpdateRecord> settled = new ArrayList<>();
    for (Map.Entry<Long, UpdateRecord> row : rows) {
      if (row.getKey() >= recordedBefore) {
        break;
      }
      settled.add(row.getValue());
    }
    return settled;
  }

  private static FollowerRecord row(ResultSet rs) throws SQLException {
    return new FollowerRecord(rs.getLong("id"), rs.getLong("request_id"), rs.getString("email"),
        rs.getString("locale"), rs.getString("token"), rs.getLong("created_at"),
        Columns.nullableLong(rs, "unsubscribed_at"));
  }
}
