package org.civic311.server.storage.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civic311.server.storage.StorageException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Moves data between databases (typically from the embedded SQLite file to PostgreSQL), keeping
 * every id, so public request and update ids and tokens stay valid, in any direction between
 * SQLite and PostgreSQL: the requests with their
 * update history, media, followers and response templates, and, in a copy of the whole database,
 * the staff accounts, internal notes and the audit log. Staff sessions are not copied (staff sign
 * in again). Rows are copied in batches, each batch one transaction on the target; the target's
 * id generators are moved past the copied ids at the end, and its status-mail cursor past the
 * updates the source had already mailed about. Columns are copied by name, so the two schemas
 * only need to agree on the columns the source has; generated ones (PostgreSQL's locations and
 * full-text vectors) are left out and fill themselves where the target has them.
 */
public final class DatabaseCopy {
  static final int BATCH = 5_000;
  private static final String REQUESTS_OF = "SELECT id FROM service_requests WHERE jurisdiction_id = ?";

  /**
   * A table, in an order that keeps every reference valid: how to narrow it to one jurisdiction
   * (null: only a copy of the whole database takes it), its order, and whether it has an id
   * generator to move.
   */
  private record Table(String name, String oneJurisdiction, String order, boolean identity) {}

  private static final List<Table> TABLES = List.of(
      new Table("jurisdictions", "id = ?", "id", false),
      new Table("services", "jurisdiction_id = ?", "jurisdiction_id, code", false),
      new Table("api_keys", "jurisdiction_id = ?", "id", true),
      new Table("service_requests", "jurisdiction_id = ?", "id", true),
      new Table("request_updates", "jurisdiction_id = ?", "id", true),
      new Table("request_media", "request_id IN (" + REQUESTS_OF + ") OR update_id IN"
          + " (SELECT id FROM request_updates WHERE jurisdiction_id = ?)", "request_id, update_id, position", false),
      new Table("request_followers", "request_id IN (" + REQUESTS_OF + ")", "id", true),
      // Forwards not yet sent must move with their requests; idempotency keys live a day and stay.
      new Table("forward_outbox", "request_id IN (" + REQUESTS_OF + ")", "request_id", false),
      new Table("response_templates", "jurisdiction_id = ?", "id", true),
      // Staff accounts serve every jurisdiction, and notes and the audit log name them.
      new Table("staff_users", null, "id", true),
      new Table("staff_grants", null, "user_id, jurisdiction_id", false),
      new Table("internal_notes", null, "id", true),
      new Table("audit_log", null, "id", true));
  /** The tables whose rows name their jurisdiction directly, checked for overlap first. */
  private static final List<String> OWNED = List.of("jurisdictions", "services", "api_keys", "service_requests");

  /** Hears progress: table name, rows copied so far, rows in all. */
  public interface Progress {
    void copied(String table, long done, long total);
  }

  /** Rows copied per table. */
  public record Result(Map<String, Long> rows) {}

  private final Dialect source;
  private final Dialect target;
  private final Progress progress;

  DatabaseCopy(Dialect source, Dialect target, Progress progress) {
    this.source = source;
    this.target = target;
    this.progress = progress;
  }

  Result copy(String jurisdictionId) {
    Map<String, Long> counts = new LinkedHashMap<>();
    // The target is written through one connection from start to end: a SQLite target's write
    // pool has only one, so asking the pool for a second would wait for it in vain.
    try (Connection from = source.readPool().getConnection(); Handle h = Jdbi.open(target.writePool())) {
      Connection to = h.getConnection();
      for (String table : OWNED) {
        String key = table.equals("jurisdictions") ? "id" : "jurisdiction_id";
        refuseOverlap(from, to, table, key, jurisdictionId == null ? "" : " WHERE " + key + " = ?", jurisdictionId);
      }
      if (jurisdictionId == null && count(to, "SELECT COUNT(*) FROM staff_users", null) > 0) {
        throw new IllegalStateException("the target already has staff accounts; copy into an empty database"
            + " (run 'migrate' on it first, not 'serve' with the demo)");
      }
      for (Table table : TABLES) {
        if (jurisdictionId != null && table.oneJurisdiction() == null) {
          continue;
        }
        String where = jurisdictionId == null ? "" : " WHERE " + table.oneJurisdiction();
        long total = count(from, "SELECT COUNT(*) FROM " + table.name() + where, jurisdictionId);
        counts.put(table.name(), copyRows(from, to, table, where, jurisdictionId, total));
      }
      long mailed = count(from, "SELECT COALESCE(MAX(position), 0) FROM job_cursors WHERE name = 'status_mail'", null);
      for (Table table : TABLES) {
        if (table.identity()) {
          target.resetIdentity(h, table.name());
        }
      }
      // Updates the source had already mailed about are not mailed again from the target.
      h.createUpdate("UPDATE job_cursors SET position = :p WHERE name = 'status_mail' AND position < :p")
          .bind("p", mailed).execute();
    } catch (SQLException | JdbiException e) {
      throw new StorageException("copy failed: " + e.getMessage(), e);
    }
    return new Result(counts);
  }

  private static void refuseOverlap(Connection from, Connection to, String table, String key, String where,
      String jurisdictionId) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (PreparedStatement s = from.prepareStatement("SELECT DISTINCT " + key + " FROM " + table + where)) {
      bind(s, jurisdictionId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
    }
    for (String id : ids) {
      if (count(to, "SELECT COUNT(*) FROM " + table + " WHERE " + key + " = ?", id) > 0) {
        throw new IllegalStateException("the target already holds " + table + " of jurisdiction " + id
            + "; copy into an empty database (run 'migrate' on it first)");
      }
    }
  }

  private long copyRows(Connection from, Connection to, Table table, String where, String jurisdictionId,
      long total) throws SQLException {
    long done = 0;
    boolean autoCommit = to.getAutoCommit();
    to.setAutoCommit(false);
    try (PreparedStatement read = from.prepareStatement("SELECT * FROM " + table.name() + where
        + " ORDER BY " + table.order())) {
      bind(read, jurisdictionId);
      try (ResultSet rs = read.executeQuery()) {
        ResultSetMetaData meta = rs.getMetaData();
        // The source's columns, less those either database computes itself: PostgreSQL's location
        // and full-text columns are generated, and SQLite has neither.
        java.util.Set<String> generated = new java.util.HashSet<>(target.generatedColumns(to, table.name()));
        generated.addAll(source.generatedColumns(from, table.name()));
        List<String> columns = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          if (!generated.contains(meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT))) {
            columns.add(meta.getColumnName(i));
            positions.add(i);
          }
        }
        String insert = "INSERT INTO " + table.name() + " (" + String.join(", ", columns) + ") VALUES ("
            + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        try (PreparedStatement write = to.prepareStatement(insert)) {
          int inBatch = 0;
          while (rs.next()) {
            for (int i = 1; i <= columns.size(); i++) {
              write.setObject(i, rs.getObject(positions.get(i - 1)));
            }
            write.addBatch();
            done++;
            if (++inBatch == BATCH) {
              write.executeBatch();
              to.commit();
              inBatch = 0;
              progress.copied(table.name(), done, total);
            }
          }
          write.executeBatch();
          to.commit();
          progress.copied(table.name(), done, total);
        }
      }
    } catch (SQLException e) {
      to.rollback();
      throw e;
    } finally {
      to.setAutoCommit(autoCommit);
    }
    return done;
  }

  private static long count(Connection c, String sql, String parameter) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, parameter);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Binds {@code parameter} to every placeholder of the statement (they all name one jurisdiction). */
  private static void bind(PreparedStatement s, String parameter) throws SQLException {
    if (parameter != null) {
      int placeholders = s.getParameterMetaData().getParameterCount();
      for (int i = 1; i <= placeholders; i++) {
        s.setString(i, parameter);
      }
    }
  }
}
