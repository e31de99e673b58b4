package org.civic311.server.storage;

import java.util.List;
import java.util.Map;

/**
 * The statistics rollups (migration V15), kept by the database in the same transaction as every
 * write to a request. Days are UTC days since 1970; months are {@code year * 12 + month - 1}. An
 * empty {@code services} list means every service. Nothing here names a reporter.
 */
public interface StatsStore {

  /** Requests made and closed on one day. */
  record Day(long day, long opened, long closed) {}

  /** Requests of one service (or agency: {@code key}) made and closed in a range, and open now. */
  record Tally(String key, long opened, long closed, long openNow) {}

  /** Requests made in a cell of 0.01 degree, whose south-west corner is {@code cellLat / 100, cellLon / 100}. */
  record Cell(int cellLat, int cellLon, long n) {}

  /** An open request, with only what the public may see. */
  record OpenRequest(long id, String serviceCode, String serviceName, long requestedAt, Long expectedAt) {}

  List<Day> days(String jurisdictionId, long fromDay, long toDay, List<String> services);

  /** By service code: made and closed in the range, and open now whatever their date. */
  List<Tally> byService(String jurisdictionId, long fromDay, long toDay, List<String> services);

  /** The same by agency responsible ("" for none). */
  List<Tally> byAgency(String jurisdictionId, long fromDay, long toDay, List<String> services);

  /** Close-time histograms (bucket counts, see {@code CloseTimes}) of requests closed in the range, by service. */
  Map<String, long[]> closeTimes(String jurisdictionId, long fromDay, long toDay, List<String> services, int buckets);

  /** One service's histogram of requests closed from {@code fromDay} on. */
  long[] closeTimesOf(String jurisdictionId, String serviceCode, long fromDay, int buckets);

  List<Cell> cells(String jurisdictionId, int fromMonth, int toMonth, List<String> services);

  /** The oldest open requests made in the range (epoch ms), hidden ones left out. */
  List<OpenRequest> oldestOpen(String jurisdictionId, long from, long to, List<String> services, int limit);

  /** Open requests past their expected date, soonest due first (the staff's overdue queue). */
  List<OpenRequest> overdue(String jurisdictionId, long now, List<String> services, int limit);
}
