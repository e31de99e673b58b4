package org.civic311.server.storage;

import java.util.List;

/**
 * A search of one jurisdiction's requests, newest {@code requested_at} first, ties by id.
 * Empty lists mean "any". Times are epoch ms, both bounds inclusive.
 */
public record RequestQuery(
    String jurisdictionId,
    List<String> serviceCodes,
    List<String> statuses,
    long requestedFrom,
    long requestedTo,
    int limit) {

  public RequestQuery {
    serviceCodes = List.copyOf(serviceCodes);
    statuses = List.copyOf(statuses);
  }
}
