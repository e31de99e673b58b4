package org.civic311.server.storage.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Tells whether a database already has the newest bundled migration, from the one-line file
 * {@code db/migration/<dialect>/LATEST} (the newest version number, kept in step with the
 * migration files by {@code MigrationsTest}) and Flyway's history table.
 */
final class Migrations {
  private Migrations() {}

  /** The newest bundled migration version of a dialect. */
  static int latest(String dialect) {
    String resource = "/db/migration/" + dialect + "/LATEST";
    try (InputStream in = Migrations.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the jar");
      }
      return Integer.parseInt(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean isCurrent(Dialect dialect) {
    try (Connection c = dialect.writePool().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history WHERE success = "
            + (dialect.name().equals("sqlite") ? "1" : "true"))) {
      int newest = 0;
      while (rs.next()) {
        String v = rs.getString(1);
        if (v != null && v.matches("\\d+")) {
          newest = Math.max(newest, Integer.parseInt(v));
        }
      }
      return newest == latest(dialect.name());
    } catch (SQLException e) {
      // No history table yet (a new database) or it cannot be read: let Flyway decide.
      return false;
    }
  }
}
