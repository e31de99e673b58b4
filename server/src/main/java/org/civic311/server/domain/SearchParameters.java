package org.civic311.server.domain;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.civic311.georeport.Parameters;
import org.civic311.server.storage.RequestQuery;

/**
 * Reads the filters of {@code GET requests} into a {@link RequestQuery}: the core ones
 * (service_code, status, start_date, end_date) and the extensions real clients use (page,
 * page_size, updated_after, updated_before, bbox, lat+long+radius, q, agency_responsible).
 * Every fault is collected, each naming its parameter.
 *
 * <p>The 90-day default window on {@code requested_datetime} applies only when no date of any
 * kind is given, so that a harvester asking for {@code updated_after} also gets old requests
 * that changed lately.
 */
final class SearchParameters {
  static final int MAX_PAGE_SIZE = 1000;
  static final int DEFAULT_PAGE_SIZE = 1000;
  static final double MAX_RADIUS_METRES = 100_000;
  static final int MAX_WORDS = 16;
  static final Duration DEFAULT_WINDOW = Duration.ofDays(90);

  private SearchParameters() {}

  static RequestQuery read(Parameters p, Jurisdiction j, long now, Violations v) {
    return read(p, j, now, v, true);
  }

  /**
   * The filters alone, for a bulk download: no window, no page, no order (page, page_size and
   * order are not read, so they cannot fault).
   */
  static RequestQuery readAll(Parameters p, Jurisdiction j, Violations v) {
    return read(p, j, 0, v, false);
  }

  private static RequestQuery read(Parameters p, Jurisdiction j, long now, Violations v, boolean paged) {
    List<String> statuses = new ArrayList<>();
    for (String s : p.list("status")) {
      String lower = s.toLowerCase(Locale.ROOT);
      if (!lower.equals("open") && !lower.equals("closed")) {
        v.add("status '" + Violations.clip(s) + "' is not open or closed");
      } else if (!statuses.contains(lower)) {
        statuses.add(lower);
      }
    }
    Optional<OffsetDateTime> start = Optional.ofNullable(v.date(p, "start_date", j.zone()));
    Optional<OffsetDateTime> end = Optional.ofNullable(v.date(p, "end_date", j.zone()));
    Optional<OffsetDateTime> updatedAfter = Optional.ofNullable(v.date(p, "updated_after", j.zone()));
    Optional<OffsetDateTime> updatedBefore = Optional.ofNullable(v.date(p, "updated_before", j.zone()));
    Long from = start.map(t -> t.toInstant().toEpochMilli()).orElse(null);
    Long to = end.map(t -> t.toInstant().toEpochMilli()).orElse(null);
    if (from != null && to != null && from > to) {
      v.add("start_date is after end_date");
    }
    boolean anyDate = start.isPresent() || end.isPresent() || updatedAfter.isPresent() || updatedBefore.isPresent();
    // A download has no window: every request ever made, within the dates given and no others.
    if (paged && !anyDate) {
      to = now;
      from = now - DEFAULT_WINDOW.toMillis();
    } else if (paged && end.isPresent() && start.isEmpty()) {
      from = to - DEFAULT_WINDOW.toMillis();
    }
    Long updatedFrom = updatedAfter.map(t -> t.toInstant().toEpochMilli()).orElse(null);
    Long updatedTo = updatedBefore.map(t -> t.toInstant().toEpochMilli()).orElse(null);
    if (updatedFrom != null && updatedTo != null && updatedFrom > updatedTo) {
      v.add("updated_after is after updated_before");
    }
    int page = paged ? whole(v, p, "page", 1, Integer.MAX_VALUE / MAX_PAGE_SIZE, 1) : 1;
    int pageSize = paged ? whole(v, p, "page_size", 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE) : Integer.MAX_VALUE;
    RequestQuery.Box box = box(v, p);
    RequestQuery.Circle near = circle(v, p);
    List<String> words = words(v, p);
    boolean byRelevance = paged && relevance(v, p);
    return new RequestQuery(j.id(), p.list("service_code"), statuses, p.list("agency_responsible"), from, to,
        updatedFrom, updatedTo, box, near, words, byRelevance, (page - 1) * pageSize, pageSize);
  }


  static int whole(Violations v, Parameters p, String name, int min, int max, int absent) {
    Optional<String> text = v.single(p, name);
    if (text.isEmpty()) {
      return absent;
    }
    String t = text.get().trim();
    if (!t.matches("-?\\d{1,10}")) {
      v.add(name + " must be a whole number, not '" + Violations.clip(t) + "'");
      return absent;
    }
    long n = Long.parseLong(t);
    if (n < min || n > max) {
      v.add(name + " must be between " + min + " and " + max + ", not " + n);
      return absent;
    }
    return (int) n;
  }

  private static RequestQuery.Box box(Violations v, Parameters p) {
    Optional<String> text = v.single(p, "bbox");
    if (text.isEmpty()) {
      return null;
    }
    String[] parts = text.get().split(",");
    if (parts.length != 4) {
      v.add("bbox must be four numbers: min_long,min_lat,max_long,max_lat");
      return null;
    }
    double[] n = new double[4];
    for (int i = 0; i < 4; i++) {
      String part = parts[i].trim();
      if (!Violations.DECIMAL.matcher(part).matches()) {
        v.add("bbox must be four numbers: min_long,min_lat,max_long,max_lat; '" + Violations.clip(part)
            + "' is not a number");
        return null;
      }
      n[i] = Double.parseDouble(part);
    }
    if (n[0] < -180 || n[2] > 180 || n[1] < -90 || n[3] > 90) {
      v.add("bbox is out of range: longitudes lie within -180..180 and latitudes within -90..90");
      return null;
    }
    if (n[0] > n[2] || n[1] > n[3]) {
      v.add("bbox must be min_long,min_lat,max_long,max_lat with each minimum below its maximum");
      return null;
    }
    return new RequestQuery.Box(n[0], n[1], n[2], n[3]);
  }

  private static RequestQuery.Circle circle(Violations v, Parameters p) {
    boolean any = !p.all("lat").isEmpty() || !p.all("long").isEmpty() || !p.all("radius").isEmpty();
    if (!any) {
      return null;
    }
    Double lat = v.number(p, "lat", -90, 90);
    Double lon = v.number(p, "long", -180, 180);
    Double radius = v.number(p, "radius", 0, MAX_RADIUS_METRES);
    if (p.all("lat").isEmpty() || p.all("long").isEmpty() || p.all("radius").isEmpty()) {
      v.add("lat, long and radius (in metres) are needed together to search around a point");
      return null;
    }
    if (lat == null || lon == null || radius == null) {
      return null;
    }
    if (radius <= 0) {
      v.add("radius must be more than 0 metres");
      return null;
    }
    return new RequestQuery.Circle(lat, lon, radius);
  }

  /** The words of {@code q}: runs of letters and digits; anything else only separates them. */
  static List<String> words(Violations v, Parameters p) {
    Optional<String> q = v.single(p, "q");
    if (q.isEmpty()) {
      return List.of();
    }
    List<String> words = new ArrayList<>();
    for (String w : q.get().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty() && !words.contains(w)) {
        words.add(w);
      }
    }
    if (words.isEmpty()) {
      v.add("q has no words to search for (letters or digits)");
    } else if (words.size() > MAX_WORDS) {
      v.add("q has " + words.size() + " words; at most " + MAX_WORDS + " are searched");
    } else if (q.get().length() > 500) {
      v.add("q is longer than 500 characters");
    }
    return words;
  }

  private static boolean relevance(Violations v, Parameters p) {
    Optional<String> order = v.single(p, "order");
    if (order.isEmpty()) {
      return false;
    }
    switch (order.get().toLowerCase(Locale.ROOT)) {
      case "relevance":
        return true;
      case "newest":
        return false;
      default:
        v.add("order must be newest or relevance, not '" + Violations.clip(order.get()) + "'");
        return false;
    }
  }
}
