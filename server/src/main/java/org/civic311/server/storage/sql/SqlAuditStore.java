package org.civic311.server.storage.sql;

import java.util.List;
import org.civic311.server.storage.AuditEntry;
import org.civic311.server.storage.AuditQuery;
import org.civic311.server.storage.AuditStore;

final class SqlAuditStore implements AuditStore {
  private final Reader reads;
  private final Writer writes;

  SqlAuditStore(Reader reads, Writer writes) {
    this.reads = reads;
    this.writes = writes;
  }

  @Override
  public void append(AuditEntry e) {
    Guard.call("record a staff action", () -> writes.inTransaction(h -> h
        .createUpdate("INSERT INTO audit_log (at, user_id, username, action, target_type, target_id,"
            + " jurisdiction_id, before_json, after_json, client)"
            + " VALUES (:at, :user, :username, :action, :type, :target, :j, :before, :after, :client)")
        .bind("at", e.at()).bind("user", e.userId()).bind("username", e.username()).bind("action", e.action())
        .bind("type", e.targetType()).bind("target", e.targetId()).bind("j", e.jurisdictionId())
        .bind("before", e.beforeJson()).bind("after", e.afterJson()).bind("client", e.client())
        .execute()));
  }

  @Override
  public List<AuditEntry> search(AuditQuery q) {
    StringBuilder sql = new StringBuilder("SELECT * FROM audit_log WHERE 1 = 1");
    if (q.username() != null) {
      sql.append(" AND username = :username");
    }
    if (q.action() != null) {
      sql.append(" AND action = :action");
    }
    if (q.targetType() != null) {
      sql.append(" AND target_type = :type");
    }
    if (q.targetId() != null) {
      sql.append(" AND target_id = :target");
    }
    if (q.from() != null) {
      sql.append(" AND at >= :from");
    }
    if (q.to() != null) {
      sql.append(" AND at <= :to");
    }
    sql.append(" ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset");
    return Guard.call("read the audit log", () -> reads.withHandle(h -> {
      var query = h.createQuery(sql.toString()).bind("limit", q.limit()).bind("offset", q.offset());
      if (q.username() != null) {
        query.bind("username", q.username());
      }
      if (q.action() != null) {
        query.bind("action", q.action());
      }
      if (q.targetType() != null) {
        query.bind("type", q.targetType());
      }
      if (q.targetId() != null) {
        query.bind("target", q.targetId());
      }
      if (q.from() != null) {
        query.bind("from", q.from());
      }
      if (q.to() != null) {
        query.bind("to", q.to());
      }
      return query.map((rs, ctx) -> new AuditEntry(rs.getLong("id"), rs.getLong("at"),
          Columns.nullableLong(rs, "user_id"), rs.getString("username"), rs.getString("action"),
          rs.getString("target_type"), rs.getString("target_id"), rs.getString("jurisdiction_id"),
          rs.getString("before_json"), rs.getString("after_json"), rs.getString("client"))).list();
    }));
  }
}
