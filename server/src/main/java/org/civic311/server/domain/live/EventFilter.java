package org.civic311.server.domain.live;

import java.util.List;
import java.util.Set;
import org.civic311.georeport.Parameters;
import org.civic311.server.domain.Refusal;
import org.civic311.server.domain.RequestSearch;
import org.civic311.server.storage.EventRecord;
import org.civic311.server.storage.RequestQuery;

/**
 * The filters of {@code GET requests} that an event can be judged by alone: jurisdiction,
 * service codes, status, a box, a circle. Read by the same code as the API's, so the same faults
 * get the same messages; filters an event cannot be judged by (words, dates, pages) are refused
 * by name rather than silently ignored.
 */
public record EventFilter(String jurisdictionId, List<String> serviceCodes, List<String> statuses,
    RequestQuery.Box box, RequestQuery.Circle near) {
  private static final double SPHERE_METRES = 6371008.7714;
  private static final Set<String> REFUSED = Set.of("q", "order", "agency_responsible", "start_date", "end_date",
      "updated_after", "updated_before", "page", "page_size", "service_request_id", "extensions");

  public EventFilter {
    serviceCodes = List.copyOf(serviceCodes);
    statuses = List.copyOf(statuses);
  }

  /** Reads the filters of a stream or a hook; throws a {@link Refusal} naming every fault. */
  public static EventFilter read(Parameters p, RequestSearch search) {
    for (String name : p.names()) {
      if (REFUSED.contains(name)) {
        throw Refusal.invalid(name + " is not a filter of live events; they take jurisdiction_id, service_code,"
            + " status, bbox, and lat, long and radius");
      }
    }
    RequestSearch.Selection s = search.selection(p);
    RequestQuery q = s.query();
    return new EventFilter(s.jurisdiction().id(), q.serviceCodes(), q.statuses(), q.box(), q.near());
  }

  public boolean matches(EventRecord e) {
    if (!e.jurisdictionId().equals(jurisdictionId)) {
      return false;
    }
    if (!serviceCodes.isEmpty() && !serviceCodes.contains(e.serviceCode())) {
      return false;
    }
    if (!statuses.isEmpty() && !statuses.contains(e.status())) {
      return false;
    }
    if (box != null || near != null) {
      if (e.lat() == null || e.lon() == null) {
        return false;
      }
      if (box != null && (e.lon() < box.minLon() || e.lon() > box.maxLon() || e.lat() < box.minLat()
          || e.lat() > box.maxLat())) {
        return false;
      }
      return near == null || metres(near.lat(), near.lon(), e.lat(), e.lon()) <= near.radiusMeters();
    }
    return true;
  }

  /** The distance on a sphere of the Earth's mean radius, as the stores measure a circle. */
  static double metres(double lat1, double lon1, double lat2, double lon2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lon2 - lon1);
    double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * SPHERE_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
  }
}
