package org.civic311.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.concurrent.TimeUnit;
import org.civic311.server.config.JurisdictionSettings;
import org.civic311.server.config.ServiceSettings;

/**
 * The ceiling for durable creates: one thread, one connection, one INSERT per transaction into
 * the real {@code service_requests} table, nothing else. The server cannot commit faster than
 * this, since all its writes queue for a single SQLite connection.
 *
 * <p>Usage: {@code SqliteCommitRate FILE ROWS MAX_SECONDS}; prints
 * {@code commits=N seconds=S rate=R}.
 */
public final class SqliteCommitRate {
  private SqliteCommitRate() {}

  public static void main(String[] args) throws Exception {
    String file = args[0];
    int rows = Integer.parseInt(args[1]);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[2]));
    JurisdictionSettings j = DemoDatabase.prepare(file);
    ServiceSettings s = j.services().get(0);
    try (Connection c = DemoDatabase.connect(file);
        PreparedStatement insert = c.prepareStatement(DemoDatabase.INSERT)) {
      // Autocommit: every executeUpdate is its own transaction, as one POST is in the server.
      c.setAutoCommit(true);
      long start = System.nanoTime();
      int done = 0;
      while (done < rows && System.nanoTime() < deadline) {
        long now = System.currentTimeMillis();
        insert.setString(1, j.id());
        insert.setString(2, s.code());
        insert.setString(3, s.name());
        insert.setString(4, "open");
        insert.setString(5, "Commit rate row " + done);
        insert.setString(6, s.agencyResponsible());
        insert.setString(7, s.serviceNotice());
        insert.setLong(8, now);
        insert.setLong(9, now);
        insert.setString(10, null);
        insert.setDouble(11, 38.9);
        insert.setDouble(12, -77.03);
        insert.setString(13, null);
        insert.executeUpdate();
        done++;
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("commits=%d seconds=%.2f rate=%.0f%n", done, seconds, done / seconds);
    }
  }
}
