package org.civic311.server.storage.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Prepares statements for SQLite, once more when the first try finds no such table. After another
 * connection changed the schema (a trigger or table added by hand, or by a test), SQLite 3.51
 * reloads it on the next prepare and, when that statement fires triggers that read tables made in
 * a later migration (the bulk-load marker, V18), reports one of the statement's own tables as
 * missing; the second prepare finds the reloaded schema whole. Preparing changes nothing, so
 * trying again is safe.
 */
final class SqliteStatements extends DefaultStatementBuilder {
  @Override
  public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
    try {
      return super.create(conn, sql, ctx);
    } catch (SQLException e) {
      if (e.getMessage() == null || !e.getMessage().contains("no such table")) {
        throw e;
      }
      return super.create(conn, sql, ctx);
    }
  }
}
