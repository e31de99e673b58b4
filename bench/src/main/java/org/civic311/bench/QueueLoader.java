package org.civic311.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Fills a database for {@code bench/queue}: the rows of {@link SearchLoader} (SQLite file) or
 * {@link PgLoader} (a {@code jdbc:postgresql:} URL), then an expected date on every request, 3
 * to 30 days after it came in (the same for the same id on both stores). The loaders leave
 * {@code expected_at} empty, which would make the queue's {@code overdue=1} filter and
 * {@code sort=expected} trivially cheap; with dates, the open requests of the two-year backlog
 * (about one in ten) are overdue, as in a city that closes most but not all of its work.
 *
 * <p>Usage: {@code QueueLoader FILE_OR_JDBC_URL ROWS}; PostgreSQL user and password from
 * CIVIC311_DATABASE_USER and CIVIC311_DATABASE_PASSWORD; progress on stderr,
 * {@code rows=N seconds=S expected_seconds=S} on stdout.
 */
public final class QueueLoader {
  private static final String EXPECTED = "UPDATE service_requests SET expected_at = requested_at"
      + " + (3 + id % 28) * 86400000";

  private QueueLoader() {}

  public static void main(String[] args) throws Exception {
    String target = args[0];
    String rows = args[1];
    boolean pg = target.startsWith("jdbc:postgresql:");
    long start = System.nanoTime();
    if (pg) {
      PgLoader.main(new String[] {target, "0", rows});
    } else {
      SearchLoader.main(new String[] {target, "0", rows});
    }
    double loaded = (System.nanoTime() - start) / 1e9;
    long t0 = System.nanoTime();
    if (pg) {
      try (Connection c = DriverManager.getConnection(target, System.getenv("CIVIC311_DATABASE_USER"),
          System.getenv("CIVIC311_DATABASE_PASSWORD")); Statement s = c.createStatement()) {
        s.execute("SET synchronous_commit = off");
        s.executeUpdate(EXPECTED);
        // Every row was rewritten: reclaim the old versions and refresh the statistics, as
        // autovacuum would soon after.
        s.execute("VACUUM ANALYZE service_requests");
      }
    } else {
      try (Connection c = DemoDatabase.connect(target); Statement s = c.createStatement()) {
        s.execute("PRAGMA cache_size = -524288");
        s.executeUpdate(EXPECTED);
        s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      }
    }
    System.err.printf("  expected dates set in %.0f s%n", (System.nanoTime() - t0) / 1e9);
    System.out.printf("rows=%s seconds=%.1f expected_seconds=%.1f%n", rows, loaded, (System.nanoTime() - t0) / 1e9);
  }
}
