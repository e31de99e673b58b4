package org.civic311.server.storage.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civic311.server.storage.MediaRecord;
import org.civic311.server.storage.NewUpdate;
import org.civic311.server.storage.UpdateRecord;
import org.civic311.server.storage.UpdateStore;
import org.jdbi.v3.core.Handle;

final class SqlUpdateStore implements UpdateStore {
  private final Reader reads;
  private final Writer writes;
  private final Dialect dialect;

  SqlUpdateStore(Reader reads, Writer writes, Dialect dialect) {
    this.reads = reads;
    this.writes = writes;
    this.dialect = dialect;
  }

  @Override
  public Result insert(NewUpdate u) {
    return Guard.call("store an update", () -> writes.inTransaction(h -> {
      // Locks the request row (on PostgreSQL), so that concurrent updates from several nodes
      // apply one after the other and the newest by time wins.
      boolean known = h.createQuery("SELECT id FROM service_requests WHERE id = :id AND jurisdiction_id = :j"
              + dialect.lockingSuffix())
          .bind("id", u.requestId()).bind("j", u.jurisdictionId()).mapTo(Long.class).findOne().isPresent();
      if (!known) {
        return new Result(Outcome.UNKNOWN_REQUEST, Optional.empty());
      }
      if (u.updateId() != null && h.createQuery(
              "SELECT COUNT(*) FROM request_updates WHERE jurisdiction_id = :j AND update_id = :u")
          .bind("j", u.jurisdictionId()).bind("u", u.updateId()).mapTo(Integer.class).one() > 0) {
        return new Result(Outcome.DUPLICATE_UPDATE_ID, Optional.empty());
      }
      // A provisional public id keeps the unique constraint meaningful until the row id is known.
      String provisional = u.updateId() != null ? u.updateId() : "pending-" + java.util.UUID.randomUUID();
      long id = h.createUpdate("INSERT INTO request_updates (jurisdiction_id, request_id, update_id, status,"
              + " description, updated_at, recorded_at, external_status_code, api_key_id)"
              + " VALUES (:j, :r, :u, :status, :description, :at, :recorded, :code, :key)")
          .bind("j", u.jurisdictionId()).bind("r", u.requestId()).bind("u", provisional)
          .bind("status", u.extendedStatus()).bind("description", u.description()).bind("at", u.updatedAt())
          .bind("recorded", u.recordedAt()).bind("code", u.externalStatusCode()).bind("key", u.apiKeyId())
          .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
      String updateId = u.updateId();
      if (updateId == null) {
        updateId = Long.toString(id);
        h.createUpdate("UPDATE request_updates SET update_id = :u WHERE id = :id")
            .bind("u", updateId).bind("id", id).execute();
      }
      SqlRequestStore.insertMedia(h, null, id, u.media());
      // The newest update by time sets the status; an older one arriving late only joins the
      // history and does not roll the status back.
      boolean newest = h.createQuery("SELECT COUNT(*) FROM request_updates WHERE request_id = :id"
              + " AND (updated_at > :at OR (updated_at = :at AND id > :row))")
          .bind("id", u.requestId()).bind("at", u.updatedAt()).bind("row", id).mapTo(Integer.class).one() == 0;
      boolean unchanged = "unchanged".equals(u.extendedStatus());
      var apply = h.createUpdate("UPDATE service_requests SET"
              + (newest && u.coreStatus() != null ? " status = :core," : "")
              + (newest && !unchanged ? " extended_status = :ext," : "")
              + (newest && u.description() != null ? " status_notes = :notes," : "")
              + " updated_at = CASE WHEN :at > updated_at THEN :at ELSE updated_at END"
              + " WHERE id = :id")
          .bind("at", u.updatedAt()).bind("id", u.requestId());
      if (newest && u.coreStatus() != null) {
        apply.bind("core", u.coreStatus());
      }
      if (newest && !unchanged) {
        apply.bind("ext", u.extendedStatus());
      }
      if (newest && u.description() != null) {
        apply.bind("notes", u.description());
      }
      apply.execute();
      return new Result(Outcome.STORED, Optional.of(new UpdateRecord(id, u.jurisdictionId(), u.requestId(),
          updateId, u.extendedStatus(), u.description(), u.updatedAt(), u.externalStatusCode(), u.media())));
    }));
  }

  @Override
  public List<UpdateRecord> search(String jurisdictionId, long from, long to, List<Long> requestIds, int offset,
      int limit) {
    // Updates of hidden requests stay private with their request.
    String sql = "SELECT * FROM request_updates u WHERE jurisdiction_id = :j AND updated_at >= :from"
        + " AND updated_at <= :to" + (requestIds.isEmpty() ? "" : " AND request_id IN (<ids>)")
        + " AND NOT EXISTS (SELECT 1 FROM service_requests r WHERE r.id = u.request_id AND r.hidden_at IS NOT NULL)"
        + " ORDER BY updated_at, id LIMIT :limit OFFSET :offset";
    return Guard.call("search updates", () -> reads.withHandle(h -> {
      var query = h.createQuery(sql).bind("j", jurisdictionId).bind("from", from).bind("to", to)
          .bind("limit", limit).bind("offset", offset);
      if (!requestIds.isEmpty()) {
        query.bindList("ids", requestIds);
      }
      List<UpdateRecord> rows = query.map((rs, ctx) -> row(rs, List.of())).list();
      return withMedia(h, rows);
    }));
  }

  @Override
  public Map<Long, List<UpdateRecord>> historyOf(List<Long> requestIds) {
    if (requestIds.isEmpty()) {
      return Map.of();
    }
    return Guard.call("read update history", () -> reads.withHandle(h -> {
      List<UpdateRecord> rows = h.createQuery("SELECT * FROM request_updates WHERE request_id IN (<ids>)"
              + " ORDER BY updated_at, id")
          .bindList("ids", requestIds).map((rs, ctx) -> row(rs, List.of())).list();
      Map<Long, List<UpdateRecord>> out = new HashMap<>();
      for (UpdateRecord u : withMedia(h, rows)) {
        out.computeIfAbsent(u.requestId(), k -> new ArrayList<>()).add(u);
      }
      return out;
    }));
  }

  @Override
  public Map<Long, List<MediaRecord>> mediaOf(List<Long> requestIds) {
    if (requestIds.isEmpty()) {
      return Map.of();
    }
    return Guard.call("read media", () -> reads.withHandle(h -> media(h, "request_id", requestIds)));
  }

  private static List<UpdateRecord> withMedia(Handle h, List<UpdateRecord> rows) {
    if (rows.isEmpty()) {
      return rows;
    }
    List<Long> ids = rows.stream().map(UpdateRecord::id).toList();
    Map<Long, List<MediaRecord>> media = media(h, "update_id", ids);
    List<UpdateRecord> out = new ArrayList<>(rows.size());
    for (UpdateRecord u : rows) {
      out.add(new UpdateRecord(u.id(), u.jurisdictionId(), u.requestId(), u.updateId(), u.status(),
          u.description(), u.updatedAt(), u.externalStatusCode(), media.getOrDefault(u.id(), List.of())));
    }
    return out;
  }

  private static Map<Long, List<MediaRecord>> media(Handle h, String owner, List<Long> ids) {
    Map<Long, List<MediaRecord>> out = new LinkedHashMap<>();
    h.createQuery("SELECT * FROM request_media WHERE " + owner + " IN (<ids>) ORDER BY " + owner + ", position")
        .bindList("ids", ids)
        .map((rs, ctx) -> {
          out.computeIfAbsent(rs.getLong(owner), k -> new ArrayList<>()).add(new MediaRecord(rs.getInt("position"),
              rs.getString("media_key"), rs.getString("media_type"), rs.getString("url"), rs.getString("thumb_key")));
          return 0;
        }).list();
    return out;
  }

  static UpdateRecord row(ResultSet rs, List<MediaRecord> media) throws SQLException {
    return new UpdateRecord(rs.getLong("id"), rs.getString("jurisdiction_id"), rs.getLong("request_id"),
        rs.getString("update_id"), rs.getString("status"), rs.getString("description"), rs.getLong("updated_at"),
        rs.getString("external_status_code"), media);
  }
}
