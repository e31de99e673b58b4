package org.civic311.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.civic311.georeport.Parameters;
import org.civic311.server.domain.Jurisdictions;
import org.civic311.server.domain.stats.Statistics;
import org.civic311.server.domain.stats.StatsFilters;
import org.civic311.server.domain.stats.StatsQuery;
import org.civic311.server.storage.sql.Database;

/**
 * The statistics' cost beside a full scan: the dashboard of the last year by week for every
 * service, answered from the rollups (what {@code /data/stats.json} runs, without HTTP), and the
 * same numbers counted from the requests themselves (series, by service, cells). Three rounds,
 * interleaved; p50 and p99 per round.
 *
 * <p>Usage: {@code StatsBench FILE CALLS SCANS}; the file is a loaded demo database.
 */
public final class StatsBench {
  private StatsBench() {}

  public static void main(String[] args) throws Exception {
    String file = args[0];
    int calls = Integer.parseInt(args[1]);
    int scans = Integer.parseInt(args[2]);
    String url = "jdbc:sqlite:" + file;
    try (Database db = Database.open(url, null, null); Connection c = DriverManager.getConnection(url)) {
      db.migrate();
      try (java.sql.Statement s = c.createStatement()) {
        long t = System.nanoTime();
        int n = s.executeUpdate("UPDATE service_requests SET closed_at = updated_at WHERE status = 'closed'"
            + " AND closed_at IS NULL");
        System.out.printf("closed_at set (%d rows written with the triggers' upserts) in %.0f s; load %s%n", n,
            (System.nanoTime() - t) / 1e9, java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim());
      }
      Jurisdictions jurisdictions = new Jurisdictions(db.catalogue());
      StatsFilters filters = new StatsFilters(jurisdictions, db.catalogue()::services, Clock.systemUTC());
      Statistics statistics = new Statistics(db.stats(), db.catalogue()::services, Clock.systemUTC());
      java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
      StatsQuery q = filters.parse(Parameters.builder().add("start_date", today.minusDays(364).toString())
          .add("end_date", today.toString()).add("period", "week").build());
      long from = q.startDay() * 86_400_000L;
      long to = (q.endDay() + 1) * 86_400_000L;
      String j = q.jurisdiction().id();
      for (int round = 1; round <= 3; round++) {
        double[] rollup = new double[calls];
        for (int i = 0; i < calls; i++) {
          long t = System.nanoTime();
          statistics.of(q);
          rollup[i] = (System.nanoTime() - t) / 1e6;
        }
        double[] scan = new double[scans];
        for (int i = 0; i < scans; i++) {
          long t = System.nanoTime();
          fullScan(c, j, from, to);
          scan[i] = (System.nanoTime() - t) / 1e6;
        }
        System.out.printf("round=%d rollups: calls=%d p50=%.1fms p99=%.1fms | full scan: calls=%d p50=%.0fms p99=%.0fms%n",
            round, calls, pct(rollup, 0.5), pct(rollup, 0.99), scans, pct(scan, 0.5), pct(scan, 0.99));
      }
    }
  }

  /** The dashboard's counts taken from the requests: the query the rollups replace. */
  static void fullScan(Connection c, String j, long from, long to) throws Exception {
    List<String> sql = new ArrayList<>();
    sql.add("SELECT requested_at / 86400000, COUNT(*) FROM service_requests WHERE jurisdiction_id = ?"
        + " AND requested_at BETWEEN ? AND ? GROUP BY 1");
    sql.add("SELECT closed_at / 86400000, COUNT(*) FROM service_requests WHERE jurisdiction_id = ?"
        + " AND closed_at BETWEEN ? AND ? GROUP BY 1");
    sql.add("SELECT service_code, COUNT(*), SUM(status = 'open') FROM service_requests WHERE jurisdiction_id = ?"
        + " AND requested_at BETWEEN ? AND ? GROUP BY 1");
    sql.add("SELECT service_code, closed_at - requested_at FROM service_requests WHERE jurisdiction_id = ?"
        + " AND closed_at BETWEEN ? AND ? ORDER BY 1, 2");
    sql.add("SELECT CAST(floor(lat * 100) AS INTEGER), CAST(floor(lon * 100) AS INTEGER), COUNT(*)"
        + " FROM service_requests WHERE jurisdiction_id = ? AND requested_at BETWEEN ? AND ? AND lat IS NOT NULL"
        + " GROUP BY 1, 2");
    for (String s : sql) {
      try (PreparedStatement p = c.prepareStatement(s)) {
        p.setString(1, j);
        p.setLong(2, from);
        p.setLong(3, to);
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            rs.getObject(1);
          }
        }
      }
    }
  }

  static double pct(double[] values, double q) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v[Math.min(v.length - 1, (int) Math.ceil(q * v.length) - 1)];
  }
}
