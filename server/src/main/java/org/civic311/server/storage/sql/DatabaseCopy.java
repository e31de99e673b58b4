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
import org.jdbi.v3.core.Jdbi;

/**
 * Moves a jurisdiction's data between databases (typically from the embedded SQLite file to
 * PostgreSQL), keeping every id, so public request ids and tokens stay valid. Rows are copied in
 * batches, each batch one transaction on the target; the target's id generators are moved past
 * the copied ids at the end. Columns are copied by name, so the two schemas only need to agree
 * on the columns the source has (generated ones, such as PostGIS locations, fill themselves).
 */
public final class DatabaseCopy {
  static final int BATCH = 5_000;
  private static final List<String> TABLES = List.of("jurisdictions", "services", "api_keys", "service_requests");

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
    try (Connection from = source.readPool().getConnection(); Connection to = target.writePool().getConnection()) {
      for (String table : TABLES) {
        String key = table.equals("jurisdictions") ? "id" : "jurisdiction_id";
        String where = jurisdictionId == null ? "" : " WHERE " + key + " = ?";
        refuseOverlap(from, to, table, key, where, jurisdictionId);
        long total = count(from, "SELECT COUNT(*) FROM " + table + where, jurisdictionId);
        counts.put(table, copyRows(from, to, table, where, jurisdictionId, total));
      }
      Jdbi.create(target.writePool()).useHandle(h -> {
        target.resetIdentity(h, "api_keys");
        target.resetIdentity(h, "service_requests");
      });
    } catch (SQLException e) {
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

  private long copyRows(Connection from, Connection to, String table, String where, String jurisdictionId,
      long total) throws SQLException {
    long done = 0;
    boolean autoCommit = to.getAutoCommit();
    to.setAutoCommit(false);
    try (PreparedStatement read = from.prepareStatement("SELECT * FROM " + table + where
        + (table.equals("jurisdictions") ? "" : " ORDER BY " + orderOf(table)))) {
      bind(read, jurisdictionId);
      try (ResultSet rs = read.executeQuery()) {
        ResultSetMetaData meta = rs.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          columns.add(meta.getColumnName(i));
        }
        String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
            + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        try (PreparedStatement write = to.prepareStatement(insert)) {
          int inBatch = 0;
          while (rs.next()) {
            for (int i = 1; i <= columns.size(); i++) {
              write.setObject(i, rs.getObject(i));
            }
            write.addBatch();
            done++;
            if (++inBatch == BATCH) {
              write.executeBatch();
              to.commit();
              inBatch = 0;
              progress.copied(table, done, total);
            }
          }
          write.executeBatch();
          to.commit();
          progress.copied(table, done, total);
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

  private static String orderOf(String table) {
    return table.equals("services") ? "jurisdiction_id, code" : "id";
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

  private static void bind(PreparedStatement s, String parameter) throws SQLException {
    if (parameter != null) {
      s.setString(1, parameter);
    }
  }
}
