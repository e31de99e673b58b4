package org.civic311.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.civic311.server.config.JurisdictionSettings;

/**
 * Adds synthetic requests ({@link SearchRows}) to a SQLite file of the demo jurisdiction, with
 * plain JDBC batches and 50,000 rows per transaction; the file is migrated first by the server's
 * own code, so the R*Tree and FTS5 triggers of the real schema fill their indexes as rows go in,
 * and tidied at the end by the server's own index upkeep.
 * Rows {@code FROM} to {@code TO} take their own seed, so a file can grow in steps (1M, then 9M
 * more) and still hold the rows a single load would have made.
 *
 * <p>Usage: {@code SearchLoader FILE FROM TO}; progress on stderr, {@code rows=N seconds=S} on stdout.
 */
public final class SearchLoader {
  private static final int ROWS_PER_TRANSACTION = 50_000;
  private static final int ROWS_PER_BATCH = 1_000;

  private SearchLoader() {}

  public static void main(String[] args) throws Exception {
    String file = args[0];
    long from = Long.parseLong(args[1]);
    long to = Long.parseLong(args[2]);
    JurisdictionSettings j = DemoDatabase.prepare(file);
    SearchRows rows = new SearchRows(j.services(), System.currentTimeMillis(), 311 + from);
    long start = System.nanoTime();
    long step = Math.max(ROWS_PER_TRANSACTION, (to - from) / 10 / ROWS_PER_TRANSACTION * ROWS_PER_TRANSACTION);
    try (Connection c = DemoDatabase.connect(file);
        PreparedStatement insert = c.prepareStatement(DemoDatabase.INSERT)) {
      try (Statement pragma = c.createStatement()) {
        // Statement journals in memory, and a page cache big enough for the indexes being filled.
        pragma.execute("PRAGMA temp_store = MEMORY");
        pragma.execute("PRAGMA cache_size = -524288");
      }
      c.setAutoCommit(false);
      for (long i = from; i < to; i++) {
        rows.next((double) (i - from) / (to - from));
        insert.setString(1, j.id());
        insert.setString(2, rows.service.code());
        insert.setString(3, rows.service.name());
        insert.setString(4, rows.closed ? "closed" : "open");
        insert.setString(5, rows.description);
        insert.setString(6, rows.service.agencyResponsible());
        insert.setString(7, rows.service.serviceNotice());
        insert.setLong(8, rows.requestedAt);
        insert.setLong(9, rows.updatedAt);
        insert.setString(10, rows.address);
        insert.setDouble(11, rows.lat);
        insert.setDouble(12, rows.lon);
        insert.setString(13, rows.token);
        insert.addBatch();
        long done = i + 1 - from;
        if (done % ROWS_PER_BATCH == 0) {
          insert.executeBatch();
        }
        if (done % ROWS_PER_TRANSACTION == 0) {
          c.commit();
          if (done % step == 0) {
            System.err.printf("  sqlite: %,d of %,d rows, %.0f s%n", done, to - from, (System.nanoTime() - start) / 1e9);
          }
        }
      }
      insert.executeBatch();
      c.commit();
      // No ANALYZE: the server never runs it, so the planner sees what a live file would show.
    }
    // The server's daily index upkeep (merging the full-text index), as a live store would have had.
    long tidy = System.nanoTime();
    try (org.civic311.server.storage.sql.Database db =
        org.civic311.server.storage.sql.Database.open("jdbc:sqlite:" + file, null, null)) {
      int steps = db.tidyIndexes();
      System.err.printf("  sqlite: index upkeep, %d merge steps, %.0f s%n", steps, (System.nanoTime() - tidy) / 1e9);
    }
    System.out.printf("rows=%d seconds=%.1f%n", to - from, (System.nanoTime() - start) / 1e9);
  }
}
