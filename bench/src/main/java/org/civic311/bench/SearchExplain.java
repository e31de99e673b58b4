package org.civic311.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

/**
 * Prints how SQLite runs one statement, through the SQLite the server ships (sqlite-jdbc), whose
 * planner can choose differently from an older {@code sqlite3} command-line tool: the
 * {@code EXPLAIN QUERY PLAN} tree, then the time one execution takes, reading every row.
 *
 * <p>Usage: {@code SearchExplain FILE SQL [VALUE...]}, the values bound to the {@code ?} of the
 * statement in order (whole numbers as integers), as the server binds them; read-only. A
 * one-row answer is also printed as {@code value: ...}.
 */
public final class SearchExplain {
  private SearchExplain() {}

  public static void main(String[] args) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + args[0] + "?mode=ro");
        java.sql.PreparedStatement plan = c.prepareStatement("EXPLAIN QUERY PLAN " + args[1]);
        java.sql.PreparedStatement run = c.prepareStatement(args[1])) {
      for (int i = 2; i < args.length; i++) {
        Object v = args[i].matches("-?\\d+") ? (Object) Long.parseLong(args[i]) : args[i];
        plan.setObject(i - 1, v);
        run.setObject(i - 1, v);
      }
      System.out.println("QUERY PLAN (SQLite " + c.getMetaData().getDatabaseProductVersion() + ")");
      java.util.Map<Integer, Integer> depth = new java.util.HashMap<>();
      try (ResultSet rs = plan.executeQuery()) {
        while (rs.next()) {
          int d = depth.getOrDefault(rs.getInt("parent"), -1) + 1;
          depth.put(rs.getInt("id"), d);
          System.out.println("  ".repeat(d) + "- " + rs.getString("detail"));
        }
      }
      long t0 = System.nanoTime();
      int rows = 0;
      try (ResultSet rs = run.executeQuery()) {
        while (rs.next()) {
          rows++;
        }
      }
      System.out.printf("executed: %.1f ms, %d rows%n", (System.nanoTime() - t0) / 1e6, rows);
      if (rows == 1) {
        try (ResultSet rs = run.executeQuery()) {
          rs.next();
          System.out.println("value: " + rs.getString(1));
        }
      }
    }
  }
}
