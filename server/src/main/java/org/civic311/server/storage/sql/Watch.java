package org.civic311.server.storage.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * One connection kept open for the replica checks, outside the pools, so that a check never
 * waits behind busy readers; every wait on it is bounded by {@link #TIMEOUT_S}. A failure closes
 * it, and the next check connects again. Used by one thread at a time.
 */
final class Watch implements AutoCloseable {
  static final int TIMEOUT_S = 2;
  private final String url;
  private final Properties properties = new Properties();
  private Connection connection;

  Watch(String url, String user, String password) {
    this.url = url;
    if (user != null) {
      properties.setProperty("user", user);
    }
    if (password != null) {
      properties.setProperty("password", password);
    }
    properties.setProperty("connectTimeout", String.valueOf(TIMEOUT_S));
    properties.setProperty("loginTimeout", String.valueOf(TIMEOUT_S));
    properties.setProperty("socketTimeout", String.valueOf(TIMEOUT_S));
    properties.setProperty("tcpKeepAlive", "true");
    properties.setProperty("ApplicationName", "civic311 replica check");
  }

  /** Runs {@code sql}, which gives one row, and reads it. */
  <T> T ask(String sql, Row<T> row) throws SQLException {
    try {
      if (connection == null) {
        connection = new org.postgresql.Driver().connect(url, properties);
        if (connection == null) {
          throw new SQLException("not a PostgreSQL URL: " + url);
        }
        connection.setAutoCommit(true);
      }
      try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
        if (!rs.next()) {
          throw new SQLException("no row from " + sql);
        }
        return row.read(rs);
      }
    } catch (SQLException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Reads the one row of a check. */
  interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  @Override
  public void close() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // Broken already: nothing more to give back.
      }
      connection = null;
    }
  }
}
