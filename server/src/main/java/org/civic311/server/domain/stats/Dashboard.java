package org.civic311.server.domain.stats;

import java.time.LocalDate;
import java.util.List;

/**
 * The numbers behind the dashboard for one {@link StatsQuery}: a series per period, a row per
 * service (and, for staff, per agency), the density of the map and the slowest open requests.
 * Every number is a count or a duration; none names a reporter.
 */
public record Dashboard(StatsQuery query, Totals totals, List<Point> series, List<ServiceRow> services,
    List<CellRow> cells, List<OpenRow> slowest, List<AgencyRow> agencies, List<OpenRow> overdue) {

  public record Totals(long opened, long closed, long openNow, Double medianDays, Double p90Days) {}

  /** Requests made and closed in the period starting on {@code start}. */
  public record Point(LocalDate start, long opened, long closed) {}

  /**
   * One service: made and closed in the range, open now, median and 90th percentile days to close
   * (of those closed in the range), and the share of them closed within the target.
   */
  public record ServiceRow(String code, String name, String group, Integer slaDays, long opened, long closed,
      long openNow, Double medianDays, Double p90Days, Double withinTarget) {}

  /** A cell of 0.01 degree: its south-west corner and its count. */
  public record CellRow(double south, double west, double north, double east, long requests) {}

  /** An open request: its public id, service, age in days and target. */
  public record OpenRow(long id, String serviceCode, String serviceName, LocalDate requested, double ageDays,
      Integer slaDays, Double overTargetDays, LocalDate expected) {}

  /** One agency responsible (empty: none) for the staff. */
  public record AgencyRow(String agency, long opened, long closed, long openNow) {}
}
