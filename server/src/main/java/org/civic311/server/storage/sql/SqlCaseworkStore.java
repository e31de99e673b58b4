package org.civic311.server.storage.sql;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civic311.server.storage.CaseworkStore;
import org.civic311.server.storage.InternalNoteRecord;
import org.civic311.server.storage.RequestChange;
import org.civic311.server.storage.ResponseTemplateRecord;

final class SqlCaseworkStore implements CaseworkStore {
  private final Reader reads;
  private final Writer writes;
  private final Dialect dialect;

  SqlCaseworkStore(Reader reads, Writer writes, Dialect dialect) {
    this.reads = reads;
    this.writes = writes;
    this.dialect = dialect;
  }

  @Override
  public boolean change(String jurisdictionId, long requestId, RequestChange c) {
    StringBuilder sql = new StringBuilder("UPDATE service_requests SET updated_at = CASE WHEN :at > updated_at"
        + " THEN :at ELSE updated_at END");
    if (c.agencyResponsible() != null || c.clearAgency()) {
      sql.append(", agency_responsible = :agency");
    }
    if (c.expectedAt() != null || c.clearExpected()) {
      sql.append(", expected_at = :expected");
    }
    if (c.serviceCode() != null) {
      sql.append(", service_code = :code, service_name = :name");
    }
    if (c.duplicateOf() != null) {
      sql.append(", duplicate_of = :duplicate");
    }
    if (c.hiddenReason() != null) {
      sql.append(", hidden_reason = :reason, hidden_at = :at");
    } else if (c.unhide()) {
      sql.append(", hidden_reason = NULL, hidden_at = NULL");
    }
    sql.append(" WHERE jurisdiction_id = :j AND id = :id");
    return Guard.call("change a request", () -> writes.inTransaction(h -> {
      var update = h.createUpdate(sql.toString()).bind("at", c.updatedAt()).bind("j", jurisdictionId)
          .bind("id", requestId);
      if (c.agencyResponsible() != null || c.clearAgency()) {
        update.bind("agency", c.agencyResponsible());
      }
      if (c.expectedAt() != null || c.clearExpected()) {
        update.bind("expected", c.expectedAt());
      }
      if (c.serviceCode() != null) {
        update.bind("code", c.serviceCode()).bind("name", c.serviceName());
      }
      if (c.duplicateOf() != null) {
        update.bind("duplicate", c.duplicateOf());
      }
      if (c.hiddenReason() != null) {
        update.bind("reason", c.hiddenReason());
      }
      return update.execute() > 0;
    }));
  }

  @Override
  public List<Long> duplicatesOf(long requestId) {
    return Guard.call("find duplicates", () -> reads.withHandle(h -> h
        .createQuery("SELECT id FROM service_requests WHERE duplicate_of = :id ORDER BY id")
        .bind("id", requestId).mapTo(Long.class).list()));
  }

  @Override
  public InternalNoteRecord addNote(long requestId, long userId, String body, long now) {
    return Guard.call("store a note", () -> writes.inTransaction(h -> {
      long id = h.createUpdate("INSERT INTO internal_notes (request_id, user_id, body, created_at)"
              + " VALUES (:r, :u, :body, :now)")
          .bind("r", requestId).bind("u", userId).bind("body", body).bind("now", now)
          .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
      String author = h.createQuery("SELECT display_name FROM staff_users WHERE id = :u").bind("u", userId)
          .mapTo(String.class).one();
      return new InternalNoteRecord(id, requestId, userId, author, body, now);
    }));
  }

  @Override
  public List<InternalNoteRecord> notes(long requestId) {
    return Guard.call("read notes", () -> reads.withHandle(h -> h
        .createQuery("SELECT n.id, n.request_id, n.user_id, u.display_name, n.body, n.created_at"
            + " FROM internal_notes n JOIN staff_users u ON u.id = n.user_id WHERE n.request_id = :r"
            + " ORDER BY n.created_at, n.id")
        .bind("r", requestId)
        .map((rs, ctx) -> new InternalNoteRecord(rs.getLong("id"), rs.getLong("request_id"), rs.getLong("user_id"),
            rs.getString("display_name"), rs.getString("body"), rs.getLong("created_at")))
        .list()));
  }

  @Override
  public List<ResponseTemplateRecord> templates(String jurisdictionId, String serviceCode) {
    return Guard.call("read templates", () -> reads.withHandle(h -> h
        .createQuery("SELECT * FROM response_templates WHERE jurisdiction_id = :j"
            + " AND (service_code IS NULL OR service_code = :code) ORDER BY title, id")
        .bind("j", jurisdictionId).bind("code", serviceCode)
        .map((rs, ctx) -> template(rs)).list()));
  }

  @Override
  public List<ResponseTemplateRecord> templates(String jurisdictionId) {
    return Guard.call("read templates", () -> reads.withHandle(h -> h
        .createQuery("SELECT * FROM response_templates WHERE jurisdiction_id = :j ORDER BY service_code, title, id")
        .bind("j", jurisdictionId)
        .map((rs, ctx) -> template(rs)).list()));
  }

  private static ResponseTemplateRecord template(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new ResponseTemplateRecord(rs.getLong("id"), rs.getString("jurisdiction_id"), rs.getString("service_code"),
        rs.getString("title"), rs.getString("body"), rs.getString("status"));
  }

  @Override
  public ResponseTemplateRecord addTemplate(ResponseTemplateRecord t) {
    return Guard.call("store a template", () -> writes.inTransaction(h -> {
      long id = h.createUpdate("INSERT INTO response_templates (jurisdiction_id, service_code, title, body, status)"
              + " VALUES (:j, :code, :title, :body, :status)")
          .bind("j", t.jurisdictionId()).bind("code", t.serviceCode()).bind("title", t.title())
          .bind("body", t.body()).bind("status", t.status())
          .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
      return new ResponseTemplateRecord(id, t.jurisdictionId(), t.serviceCode(), t.title(), t.body(), t.status());
    }));
  }

  @Override
  public boolean deleteTemplate(String jurisdictionId, long id) {
    return Guard.call("delete a template", () -> writes.inTransaction(h -> h
        .createUpdate("DELETE FROM response_templates WHERE jurisdiction_id = :j AND id = :id")
        .bind("j", jurisdictionId).bind("id", id).execute() > 0));
  }

  @Override
  public Map<String, Long> requestCounts(String jurisdictionId) {
    return Guard.call("count requests", () -> reads.withHandle(h -> {
      Map<String, Long> counts = new HashMap<>();
      // One index probe per service (service_requests_by_service), not a scan of every request.
      for (String code : h.createQuery("SELECT code FROM services WHERE jurisdiction_id = :j")
          .bind("j", jurisdictionId).mapTo(String.class).list()) {
        counts.put(code, h.createQuery("SELECT COUNT(*) FROM service_requests WHERE jurisdiction_id = :j"
                + " AND service_code = :code")
            .bind("j", jurisdictionId).bind("code", code).mapTo(Long.class).one());
      }
      return counts;
    }));
  }
}
