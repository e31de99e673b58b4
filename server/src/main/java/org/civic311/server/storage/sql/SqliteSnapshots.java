package org.civic311.server.storage.sql;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.civic311.server.storage.Snapshots;
import org.civic311.server.storage.StorageException;
import org.sqlite.SQLiteConfig;

/**
 * Snapshots of a SQLite database with {@code VACUUM INTO}: it reads the database in one read
 * transaction, which WAL lets run beside the writer, so the server keeps taking writes and the
 * copy holds exactly what was committed when it began. The copy is compact (free pages dropped)
 * and a plain file, needing no WAL beside it.
 */
final class SqliteSnapshots implements Snapshots {
  private final DataSource reads;

  /** @param reads the live database's read pool, or null for an instance that only checks files */
  SqliteSnapshots(DataSource reads) {
    this.reads = reads;
  }

  @Override
  public void take(Path file) {
    if (reads == null) {
      throw new IllegalStateException("no database to copy");
    }
    if (Files.exists(file)) {
      throw new IllegalArgumentException(file + " already exists");
    }
    try (Connection c = reads.getConnection(); PreparedStatement s = c.prepareStatement("VACUUM INTO ?")) {
      s.setString(1, file.toAbsolutePath().toString());
      s.execute();
    } catch (SQLException e) {
      throw new StorageException("copying the database to " + file + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public Check check(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + " is not a file");
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    List<String> problems = new ArrayList<>();
    Map<String, Long> rows = new TreeMap<>();
    try (Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
        while (rs.next()) {
          if (!"ok".equals(rs.getString(1))) {
            problems.add(rs.getString(1));
          }
        }
      }
      // The data's own tables: virtual ones (full text, R*Tree) and their shadow tables are
      // indexes over them.
      List<String> tables = new ArrayList<>();
      List<String> virtual = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT name, sql LIKE 'CREATE VIRTUAL%' FROM sqlite_schema"
          + " WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
        while (rs.next()) {
          (rs.getBoolean(2) ? virtual : tables).add(rs.getString(1));
        }
      }
      tables.removeIf(t -> virtual.stream().anyMatch(v -> t.startsWith(v + "_")));
      for (String table : tables) {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"" + table.replace("\"", "\"\"") + "\"")) {
          rs.next();
          rows.put(table, rs.getLong(1));
        }
      }
    } catch (SQLException e) {
      problems.add(e.getMessage());
    }
    return new Check(List.copyOf(problems), rows);
  }
}
