package org.civic311.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.civic311.server.config.JurisdictionSettings;
import org.civic311.server.config.ServiceSettings;

/**
 * Fills a SQLite file with synthetic requests of the demo jurisdiction, spread evenly over the
 * last two years, oldest first, the way a city's history accumulates. Same seed, same rows.
 *
 * <p>Usage: {@code RequestLoader FILE ROWS}; prints {@code rows=N seconds=S}.
 */
public final class RequestLoader {
  private static final long SPAN_MS = Duration.ofDays(730).toMillis();
  private static final long DAY_MS = Duration.ofDays(1).toMillis();
  // Big transactions: the per-commit cost, not the row, is what makes SQLite loads slow.
  private static final int ROWS_PER_TRANSACTION = 50_000;
  private static final int ROWS_PER_BATCH = 1_000;
  private static final String[] STREETS = {"Main St", "Oak Ave", "Elm St", "Park Rd", "Lake Dr", "Hill St"};
  private static final String[] WORDS = {"broken", "large", "near the corner", "blocking the way", "again",
      "since last week", "in front of the school", "dangerous at night", "by the bus stop", "reported before"};

  private RequestLoader() {}

  public static void main(String[] args) throws Exception {
    String file = args[0];
    int rows = Integer.parseInt(args[1]);
    JurisdictionSettings j = DemoDatabase.prepare(file);
    List<ServiceSettings> services = j.services();
    Random random = new Random(311);
    long now = System.currentTimeMillis();
    long first = now - SPAN_MS;
    long start = System.nanoTime();
    try (Connection c = DemoDatabase.connect(file);
        PreparedStatement insert = c.prepareStatement(DemoDatabase.INSERT)) {
      try (Statement pragma = c.createStatement()) {
        // Inside a transaction every INSERT keeps a statement journal (the insert fires triggers
        // and checks constraints); in a temporary file, the default, that costs ~20 writes a row.
        pragma.execute("PRAGMA temp_store = MEMORY");
        // The default page cache (2 MiB) is far smaller than the indexes being filled.
        pragma.execute("PRAGMA cache_size = -262144");
      }
      c.setAutoCommit(false);
      for (int i = 0; i < rows; i++) {
        ServiceSettings s = services.get(random.nextInt(services.size()));
        long at = first + (long) ((double) i / rows * SPAN_MS) + random.nextInt(60_000);
        boolean closed = at < now - 30 * DAY_MS ? random.nextInt(10) < 9 : random.nextInt(10) < 3;
        insert.setString(1, j.id());
        insert.setString(2, s.code());
        insert.setString(3, s.name());
        insert.setString(4, closed ? "closed" : "open");
        insert.setString(5, s.name() + " " + WORDS[random.nextInt(WORDS.length)] + ", "
            + WORDS[random.nextInt(WORDS.length)]);
        insert.setString(6, s.agencyResponsible());
        insert.setString(7, s.serviceNotice());
        insert.setLong(8, at);
        insert.setLong(9, closed ? at + random.nextInt((int) (20 * DAY_MS)) : at);
        insert.setString(10, (1 + random.nextInt(4000)) + " " + STREETS[random.nextInt(STREETS.length)]);
        insert.setDouble(11, 38.80 + random.nextDouble() * 0.2);
        insert.setDouble(12, -77.12 + random.nextDouble() * 0.2);
        insert.setString(13, "batch".equals(s.type()) ? UUID.randomUUID().toString() : null);
        insert.addBatch();
        if ((i + 1) % ROWS_PER_BATCH == 0) {
          insert.executeBatch();
        }
        if ((i + 1) % ROWS_PER_TRANSACTION == 0) {
          c.commit();
        }
      }
      insert.executeBatch();
      c.commit();
    }
    System.out.printf("rows=%d seconds=%.1f%n", rows, (System.nanoTime() - start) / 1e9);
  }
}
