package org.civic311.server.domain.opendata;

import java.util.Arrays;
import java.util.List;
import org.civic311.georeport.GeoDateTime;
import org.civic311.georeport.RequestUpdate;

/** One public update as the bulk downloads publish it, as {@code GET servicerequestupdates} shows it. */
public record PublishedUpdate(String jurisdictionId, RequestUpdate update) {

  /** The values of {@link Columns#UPDATES}, in order. */
  public List<Object> cells() {
    RequestUpdate u = update;
    List<Object> cells = Arrays.asList(
        u.updateId(),
        u.serviceRequestId(),
        jurisdictionId,
        u.status().wireName(),
        GeoDateTime.format(u.updatedDatetime()),
        u.description(),
        u.mediaUrls().isEmpty() ? null : u.mediaUrls().get(0),
        u.externalStatusCode());
    if (cells.size() != Columns.UPDATES.size()) {
      throw new IllegalStateException("a published update has " + cells.size() + " cells for "
          + Columns.UPDATES.size() + " columns");
    }
    return cells;
  }
}
