package org.civic311.server.domain.stats;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civic311.server.storage.ServiceRecord;
import org.civic311.server.storage.StatsStore;

/**
 * Builds dashboards from the rollups: a handful of grouped reads whose size depends on the days,
 * services and cells in the range, never on the number of requests.
 */
public final class Statistics {
  /** How many of the slowest open requests are listed. */
  public static final int SLOWEST = 20;
  private static final double DAY_MS = 86_400_000d;
  private final StatsStore store;
  private final StatsFilters.ServiceList services;
  private final Clock clock;

  public Statistics(StatsStore store, StatsFilters.ServiceList services, Clock clock) {
    this.store = store;
    this.services = services;
    this.clock = clock;
  }

  /** The public dashboard. */
  public Dashboard of(StatsQuery q) {
    return build(q, false);
  }

  /** The staff's dashboard: the public one with agencies and the overdue queue. */
  public Dashboard forStaff(StatsQuery q) {
    return build(q, true);
  }

  private Dashboard build(StatsQuery q, boolean staff) {
    String j = q.jurisdiction().id();
    Map<String, ServiceRecord> catalogue = new HashMap<>();
    for (ServiceRecord s : services.of(j)) {
      catalogue.put(s.code(), s);
    }
    List<Dashboard.Point> series = series(q, store.days(j, q.startDay(), q.endDay(), q.services()));
    Map<String, long[]> closeTimes = store.closeTimes(j, q.startDay(), q.endDay(), q.services(), CloseTimes.BUCKETS);
    long[] all = new long[CloseTimes.BUCKETS];
    List<Dashboard.ServiceRow> rows = new ArrayList<>();
    long opened = 0;
    long closed = 0;
    long openNow = 0;
    for (StatsStore.Tally t : store.byService(j, q.startDay(), q.endDay(), q.services())) {
      ServiceRecord s = catalogue.get(t.key());
      long[] h = closeTimes.getOrDefault(t.key(), new long[CloseTimes.BUCKETS]);
      CloseTimes.add(all, h);
      Integer sla = s == null ? null : s.slaDays();
      rows.add(new Dashboard.ServiceRow(t.key(), s == null ? t.key() : s.name(), s == null ? null : s.group(), sla,
          t.opened(), t.closed(), t.openNow(), round(CloseTimes.quantileDays(h, 0.5)),
          round(CloseTimes.quantileDays(h, 0.9)), sla == null ? null : round(CloseTimes.shareWithin(h, sla))));
      opened += t.opened();
      closed += t.closed();
      openNow += t.openNow();
    }
    rows.sort(Comparator.comparingLong(Dashboard.ServiceRow::opened).reversed()
        .thenComparing(Dashboard.ServiceRow::code));
    List<Dashboard.CellRow> cells = new ArrayList<>();
    for (StatsStore.Cell c : store.cells(j, q.startMonth(), q.endMonth(), q.services())) {
      cells.add(new Dashboard.CellRow(c.cellLat() / 100d, c.cellLon() / 100d, (c.cellLat() + 1) / 100d,
          (c.cellLon() + 1) / 100d, c.n()));
    }
    long now = clock.millis();
    long from = q.startDay() * 86_400_000L;
    long to = (q.endDay() + 1) * 86_400_000L - 1;
    List<Dashboard.OpenRow> slowest = open(store.oldestOpen(j, from, to, q.services(), SLOWEST), catalogue, now);
    List<Dashboard.AgencyRow> agencies = List.of();
    List<Dashboard.OpenRow> overdue = List.of();
    if (staff) {
      agencies = store.byAgency(j, q.startDay(), q.endDay(), q.services()).stream()
          .map(t -> new Dashboard.AgencyRow(t.key(), t.opened(), t.closed(), t.openNow())).toList();
      overdue = open(store.overdue(j, now, q.services(), 50), catalogue, now);
    }
    return new Dashboard(q, new Dashboard.Totals(opened, closed, openNow, round(CloseTimes.quantileDays(all, 0.5)),
        round(CloseTimes.quantileDays(all, 0.9))), series, rows, cells, slowest, agencies, overdue);
  }

  private static List<Dashboard.OpenRow> open(List<StatsStore.OpenRequest> requests,
      Map<String, ServiceRecord> catalogue, long now) {
    List<Dashboard.OpenRow> out = new ArrayList<>();
    for (StatsStore.OpenRequest r : requests) {
      ServiceRecord s = catalogue.get(r.serviceCode());
      Integer sla = s == null ? null : s.slaDays();
      double age = (now - r.requestedAt()) / DAY_MS;
      out.add(new Dashboard.OpenRow(r.id(), r.serviceCode(), r.serviceName(), day(r.requestedAt()), round(age), sla,
          sla == null ? null : round(age - sla), r.expectedAt() == null ? null : day(r.expectedAt())));
    }
    return out;
  }

  /** Every period of the range, empty ones included, so that a chart's line does not skip them. */
  static List<Dashboard.Point> series(StatsQuery q, List<StatsStore.Day> days) {
    Map<LocalDate, long[]> byStart = new HashMap<>();
    for (StatsStore.Day d : days) {
      long[] c = byStart.computeIfAbsent(q.period().startOf(LocalDate.ofEpochDay(d.day())), k -> new long[2]);
      c[0] += d.opened();
      c[1] += d.closed();
    }
    List<Dashboard.Point> out = new ArrayList<>();
    for (LocalDate p = q.period().startOf(q.start()); !p.isAfter(q.end()); p = q.period().next(p)) {
      long[] c = byStart.getOrDefault(p, new long[2]);
      out.add(new Dashboard.Point(p, c[0], c[1]));
    }
    return out;
  }

  private static LocalDate day(long epochMs) {
    return LocalDate.ofInstant(Instant.ofEpochMilli(epochMs), ZoneOffset.UTC);
  }

  private static Double round(Double d) {
    return d == null ? null : Math.round(d * 10) / 10.0;
  }
}
