package org.civic311.server.domain.stats;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.civic311.georeport.Parameters;
import org.civic311.server.domain.Catalogue;
import org.civic311.server.domain.Jurisdictions;
import org.civic311.server.domain.Refusal;
import org.civic311.server.storage.ServiceRecord;

/**
 * Reads a dashboard's filters ({@code jurisdiction_id}, {@code start_date}, {@code end_date},
 * {@code period}, {@code service_code}, {@code group}) and refuses bad ones with every fault
 * named: an unknown jurisdiction, service or group, a date that is not YYYY-MM-DD, a reversed
 * range, a range before 1970 or after next year, or too wide for the period.
 */
public final class StatsFilters {
  /** The default range: the last 90 days. */
  static final int DEFAULT_DAYS = 90;
  private final Jurisdictions jurisdictions;
  private final ServiceList services;
  private final Clock clock;

  /** The services of a jurisdiction, retired ones included (their history stays countable). */
  @FunctionalInterface
  public interface ServiceList {
    List<ServiceRecord> of(String jurisdictionId);
  }

  public StatsFilters(Jurisdictions jurisdictions, ServiceList services, Clock clock) {
    this.jurisdictions = jurisdictions;
    this.services = services;
    this.clock = clock;
  }

  /** The services of a jurisdiction, retired ones included. */
  public List<ServiceRecord> services(String jurisdictionId) {
    return services.of(jurisdictionId);
  }

  /** The jurisdiction a call names (or the only one), if it is served here. */
  public java.util.Optional<String> jurisdictionOf(Parameters p) {
    try {
      return java.util.Optional.of(jurisdictions.resolve(p.optional("jurisdiction_id")).jurisdiction().id());
    } catch (Refusal | org.civic311.georeport.ParameterException e) {
      return java.util.Optional.empty();
    }
  }

  public StatsQuery parse(Parameters p) {
    Catalogue catalogue = jurisdictions.resolve(p.optional("jurisdiction_id"));
    List<String> faults = new ArrayList<>();
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    LocalDate end = date(p, "end_date", faults);
    LocalDate start = date(p, "start_date", faults);
    if (end == null) {
      end = start != null && start.plusDays(DEFAULT_DAYS - 1L).isBefore(today) ? start.plusDays(DEFAULT_DAYS - 1L)
          : today;
    }
    if (start == null) {
      start = end.minusDays(DEFAULT_DAYS - 1L);
    }
    LocalDate earliest = LocalDate.of(1970, 1, 1);
    LocalDate latest = today.plusYears(1);
    if (start.isBefore(earliest) || end.isAfter(latest)) {
      faults.add("the date range must lie between 1970-01-01 and " + latest);
    } else if (end.isBefore(start)) {
      faults.add("end_date " + end + " is before start_date " + start);
    }
    long days = end.toEpochDay() - start.toEpochDay() + 1;
    StatsQuery.Period period = null;
    String asked = p.optional("period").orElse(null);
    if (asked == null) {
      period = days <= 92 ? StatsQuery.Period.DAY : days <= 731 ? StatsQuery.Period.WEEK : StatsQuery.Period.MONTH;
    } else {
      try {
        period = StatsQuery.Period.valueOf(asked.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        faults.add("period must be day, week or month, not '" + asked + "'");
      }
    }
    if (period != null && faults.isEmpty() && days > period.maxDays) {
      faults.add("a range of " + days + " days is too wide for period " + period.wireName() + " (at most "
          + period.maxDays + " days); choose a wider period or a shorter range");
    }
    List<ServiceRecord> all = services.of(catalogue.jurisdiction().id());
    Set<String> chosen = new LinkedHashSet<>();
    List<String> codes = p.list("service_code");
    for (String code : codes) {
      if (all.stream().noneMatch(s -> s.code().equals(code))) {
        faults.add("service_code '" + code + "' is not a service of jurisdiction " + catalogue.jurisdiction().id());
      } else {
        chosen.add(code);
      }
    }
    String group = p.optional("group").orElse(null);
    if (group != null) {
      List<String> inGroup = all.stream().filter(s -> group.equals(s.group())).map(ServiceRecord::code).toList();
      if (inGroup.isEmpty()) {
        faults.add("group '" + group + "' is not a service group of jurisdiction " + catalogue.jurisdiction().id());
      } else if (codes.isEmpty()) {
        chosen.addAll(inGroup);
      } else {
        chosen.retainAll(inGroup);
        if (chosen.isEmpty()) {
          faults.add("no service_code given is in group '" + group + "'");
        }
      }
    }
    if (!faults.isEmpty()) {
      throw new Refusal(Refusal.Reason.INVALID, faults);
    }
    return new StatsQuery(catalogue.jurisdiction(), start, end, period, List.copyOf(chosen), group, List.copyOf(codes));
  }

  private static LocalDate date(Parameters p, String name, List<String> faults) {
    String v = p.optional(name).orElse(null);
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v.length() > 10 && v.charAt(10) == 'T' ? v.substring(0, 10) : v);
    } catch (DateTimeParseException e) {
      faults.add(name + " must be a date such as 2024-05-31, not '" + v + "'");
      return null;
    }
  }
}
