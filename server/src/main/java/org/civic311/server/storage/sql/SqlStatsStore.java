package org.civic311.server.storage.sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civic311.server.storage.StatsStore;
import org.jdbi.v3.core.statement.Query;

final class SqlStatsStore implements StatsStore {
  private final Reader reads;

  SqlStatsStore(Reader reads) {
    this.reads = reads;
  }

  private static String services(List<String> services) {
    return services.isEmpty() ? "" : " AND service_code IN (<services>)";
  }

  private static Query bind(Query q, String jurisdictionId, List<String> services) {
    q.bind("j", jurisdictionId);
    if (!services.isEmpty()) {
      q.bindList("services", services);
    }
    return q;
  }

  @Override
  public List<Day> days(String jurisdictionId, long fromDay, long toDay, List<String> services) {
    return Guard.call("read statistics", () -> reads.withHandle(h -> bind(h.createQuery(
            "SELECT day, SUM(opened) AS opened, SUM(closed) AS closed FROM stats_days"
                + " WHERE jurisdiction_id = :j AND day BETWEEN :from AND :to" + services(services)
                + " GROUP BY day ORDER BY day"), jurisdictionId, services)
        .bind("from", fromDay).bind("to", toDay)
        .map((rs, ctx) -> new Day(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
        .list()));
  }

  @Override
  public List<Tally> byService(String jurisdictionId, long fromDay, long toDay, List<String> services) {
    return tallies("service_code", jurisdictionId, fromDay, toDay, services);
  }

  @Override
  public List<Tally> byAgency(String jurisdictionId, long fromDay, long toDay, List<String> services) {
    return tallies("agency", jurisdictionId, fromDay, toDay, services);
  }

  private List<Tally> tallies(String key, String jurisdictionId, long fromDay, long toDay, List<String> services) {
    return Guard.call("read statistics", () -> reads.withHandle(h -> {
      Map<String, long[]> counts = new HashMap<>();
      bind(h.createQuery("SELECT " + key + ", SUM(opened), SUM(closed) FROM stats_days"
              + " WHERE jurisdiction_id = :j AND day BETWEEN :from AND :to" + services(services)
              + " GROUP BY " + key), jurisdictionId, services)
          .bind("from", fromDay).bind("to", toDay)
          .map((rs, ctx) -> {
            long[] c = counts.computeIfAbsent(rs.getString(1), k -> new long[3]);
            c[0] = rs.getLong(2);
            c[1] = rs.getLong(3);
            return c;
          }).list();
      bind(h.createQuery("SELECT " + key + ", SUM(n) FROM stats_open WHERE jurisdiction_id = :j"
              + services(services) + " GROUP BY " + key), jurisdictionId, services)
          .map((rs, ctx) -> {
            long[] c = counts.computeIfAbsent(rs.getString(1), k -> new long[3]);
            c[2] = rs.getLong(2);
            return c;
          }).list();
      List<Tally> out = new ArrayList<>();
      counts.forEach((k, c) -> {
        if (c[0] != 0 || c[1] != 0 || c[2] != 0) {
          out.add(new Tally(k, c[0], c[1], c[2]));
        }
      });
      out.sort((a, b) -> a.key().compareTo(b.key()));
      return out;
    }));
  }

  @Override
  public Map<String, long[]> closeTimes(String jurisdictionId, long fromDay, long toDay, List<String> services,
      int buckets) {
    return Guard.call("read statistics", () -> reads.withHandle(h -> {
      Map<String, long[]> out = new HashMap<>();
      bind(h.createQuery("SELECT service_code, bucket, SUM(n) FROM stats_close_times"
              + " WHERE jurisdiction_id = :j AND day BETWEEN :from AND :to" + services(services)
              + " GROUP BY service_code, bucket"), jurisdictionId, services)
          .bind("from", fromDay).bind("to", toDay)
          .map((rs, ctx) -> {
            int b = Math.min(Math.max(rs.getInt(2), 0), buckets - 1);
            out.computeIfAbsent(rs.getString(1), k -> new long[buckets])[b] += rs.getLong(3);
            return b;
          }).list();
      return out;
    }));
  }

  @Override
  public long[] closeTimesOf(String jurisdictionId, String serviceCode, long fromDay, int buckets) {
    return Guard.call("read statistics", () -> reads.withHandle(h -> {
      long[] out = new long[buckets];
      h.createQuery("SELECT bucket, SUM(n) FROM stats_close_times"
              + " WHERE jurisdiction_id = :j AND service_code = :s AND day >= :from GROUP BY bucket")
          .bind("j", jurisdictionId).bind("s", serviceCode).bind("from", fromDay)
          .map((rs, ctx) -> {
            int b = Math.min(Math.max(rs.getInt(1), 0), buckets - 1);
            out[b] += rs.getLong(2);
            return b;
          }).list();
      return out;
    }));
  }

  @Override
  public List<Cell> cells(String jurisdictionId, int fromMonth, int toMonth, List<String> services) {
    return Guard.call("read statistics", () -> reads.withHandle(h -> bind(h.createQuery(
            "SELECT cell_lat, cell_lon, SUM(n) AS n FROM stats_cells"
                + " WHERE jurisdiction_id = :j AND month BETWEEN :from AND :to" + services(services)
                + " GROUP BY cell_lat, cell_lon HAVING SUM(n) > 0 ORDER BY n DESC, cell_lat, cell_lon"),
            jurisdictionId, services)
        .bind("from", fromMonth).bind("to", toMonth)
        .map((rs, ctx) -> new Cell(rs.getInt(1), rs.getInt(2), rs.getLong(3)))
        .list()));
  }

  @Override
  public List<OpenRequest> oldestOpen(String jurisdictionId, long from, long to, List<String> services, int limit) {
    // Walks the (jurisdiction, status, requested_at) index from the oldest end.
    return Guard.call("read statistics", () -> reads.withHandle(h -> bind(h.createQuery(
            "SELECT id, service_code, service_name, requested_at, expected_at FROM service_requests"
                + " WHERE jurisdiction_id = :j AND status = 'open' AND requested_at BETWEEN :from AND :to"
                + " AND hidden_reason IS NULL" + services(services)
                + " ORDER BY requested_at, id LIMIT :limit"), jurisdictionId, services)
        .bind("from", from).bind("to", to).bind("limit", limit)
        .map((rs, ctx) -> new OpenRequest(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
            Columns.nullableLong(rs, "expected_at")))
        .list()));
  }

  @Override
  public List<OpenRequest> overdue(String jurisdictionId, long now, List<String> services, int limit) {
    return Guard.call("read statistics", () -> reads.withHandle(h -> bind(h.createQuery(
            "SELECT id, service_code, service_name, requested_at, expected_at FROM service_requests"
                + " WHERE jurisdiction_id = :j AND expected_at IS NOT NULL AND expected_at < :now"
                + " AND status = 'open'" + services(services)
                + " ORDER BY expected_at, id LIMIT :limit"), jurisdictionId, services)
        .bind("now", now).bind("limit", limit)
        .map((rs, ctx) -> new OpenRequest(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
            Columns.nullableLong(rs, "expected_at")))
        .list()));
  }
}
