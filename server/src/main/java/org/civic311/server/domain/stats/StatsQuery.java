package org.civic311.server.domain.stats;

import java.time.LocalDate;
import java.util.List;
import org.civic311.server.domain.Jurisdiction;

/**
 * What a dashboard shows: a jurisdiction, a range of whole UTC days (both ends included), the
 * period its series is counted in, and the services (empty: all), chosen by code or by group.
 */
public record StatsQuery(Jurisdiction jurisdiction, LocalDate start, LocalDate end, Period period,
    List<String> services, String group, List<String> serviceCodes) {

  /** The period of the series. */
  public enum Period {
    DAY(400), WEEK(366 * 5), MONTH(366 * 20);

    /** The widest range, in days, that this period may be asked for. */
    public final int maxDays;

    Period(int maxDays) {
      this.maxDays = maxDays;
    }

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The first day of the period holding {@code day}. */
    public LocalDate startOf(LocalDate day) {
      return switch (this) {
        case DAY -> day;
        case WEEK -> day.minusDays(day.getDayOfWeek().getValue() - 1L);
        case MONTH -> day.withDayOfMonth(1);
      };
    }

    public LocalDate next(LocalDate start) {
      return switch (this) {
        case DAY -> start.plusDays(1);
        case WEEK -> start.plusWeeks(1);
        case MONTH -> start.plusMonths(1);
      };
    }
  }

  public long startDay() {
    return start.toEpochDay();
  }

  public long endDay() {
    return end.toEpochDay();
  }

  /** The months of the map (year * 12 + month - 1). */
  public int startMonth() {
    return start.getYear() * 12 + start.getMonthValue() - 1;
  }

  public int endMonth() {
    return end.getYear() * 12 + end.getMonthValue() - 1;
  }
}
