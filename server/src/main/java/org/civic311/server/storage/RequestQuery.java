package org.civic311.server.storage;

import java.util.List;

/**
 * A search of one jurisdiction's requests. Empty lists and null bounds mean "any". Times are
 * epoch ms, bounds inclusive. Results come newest {@code requested_at} first (ties by id), or by
 * text relevance first when {@code byRelevance} is set and {@code words} are given.
 *
 * @param words       words that must all occur in description, address or status notes
 * @param box         a bounding box, or null
 * @param near        a circle, or null
 */
public record RequestQuery(
    String jurisdictionId,
    List<String> serviceCodes,
    List<String> statuses,
    List<String> agencies,
    Long requestedFrom,
    Long requestedTo,
    Long updatedFrom,
    Long updatedTo,
    Box box,
    Circle near,
    List<String> words,
    boolean byRelevance,
    int offset,
    int limit) {

  public RequestQuery {
    serviceCodes = List.copyOf(serviceCodes);
    statuses = List.copyOf(statuses);
    agencies = List.copyOf(agencies);
    words = List.copyOf(words);
  }

  /** A query with only the core filters, as {@code GET requests} without extensions. */
  public static RequestQuery core(String jurisdictionId, List<String> serviceCodes, List<String> statuses,
      long requestedFrom, long requestedTo, int limit) {
    return new RequestQuery(jurisdictionId, serviceCodes, statuses, List.of(), requestedFrom, requestedTo, null,
        null, null, null, List.of(), false, 0, limit);
  }

  /** A longitude/latitude box, west to east and south to north. */
  public record Box(double minLon, double minLat, double maxLon, double maxLat) {}

  /** A circle of {@code radiusMeters} around a point. */
  public record Circle(double lat, double lon, double radiusMeters) {}
}
