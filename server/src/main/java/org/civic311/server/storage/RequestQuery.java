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
    int limit,
    Staff staff) {

  public RequestQuery {
    serviceCodes = List.copyOf(serviceCodes);
    statuses = List.copyOf(statuses);
    agencies = List.copyOf(agencies);
    words = List.copyOf(words);
    staff = staff == null ? Staff.PUBLIC : staff;
  }

  public RequestQuery(String jurisdictionId, List<String> serviceCodes, List<String> statuses,
      List<String> agencies, Long requestedFrom, Long requestedTo, Long updatedFrom, Long updatedTo, Box box,
      Circle near, List<String> words, boolean byRelevance, int offset, int limit) {
    this(jurisdictionId, serviceCodes, statuses, agencies, requestedFrom, requestedTo, updatedFrom, updatedTo, box,
        near, words, byRelevance, offset, limit, Staff.PUBLIC);
  }

  /** A query with only the core filters, as {@code GET requests} without extensions. */
  public static RequestQuery core(String jurisdictionId, List<String> serviceCodes, List<String> statuses,
      long requestedFrom, long requestedTo, int limit) {
    return new RequestQuery(jurisdictionId, serviceCodes, statuses, List.of(), requestedFrom, requestedTo, null,
        null, null, null, List.of(), false, 0, limit);
  }

  /** The same query with the staff filters and order. */
  public RequestQuery with(Staff staff) {
    return new RequestQuery(jurisdictionId, serviceCodes, statuses, agencies, requestedFrom, requestedTo, updatedFrom,
        updatedTo, box, near, words, byRelevance, offset, limit, staff);
  }

  /**
   * The orders of the staff queue; each is backed by an index. {@code EXPECTED} lists only
   * requests that have an expected time, soonest first.
   */
  public enum Order { NEWEST, OLDEST, UPDATED, SERVICE, STATUS, EXPECTED }

  /**
   * What only staff may ask: hidden requests included, detailed statuses, overdue (open with an
   * expected time before {@code overdueAt}), and the order.
   */
  public record Staff(boolean includeHidden, List<String> extendedStatuses, Long overdueAt, Order order) {
    public static final Staff PUBLIC = new Staff(false, List.of(), null, Order.NEWEST);

    public Staff {
      extendedStatuses = List.copyOf(extendedStatuses);
    }
  }

  /** A longitude/latitude box, west to east and south to north. */
  public record Box(double minLon, double minLat, double maxLon, double maxLat) {}

  /** A circle of {@code radiusMeters} around a point. */
  public record Circle(double lat, double lon, double radiusMeters) {}
}
