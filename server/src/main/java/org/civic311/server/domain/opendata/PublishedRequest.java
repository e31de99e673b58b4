package org.civic311.server.domain.opendata;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.civic311.georeport.GeoDateTime;
import org.civic311.georeport.RequestExtensions;
import org.civic311.georeport.ServiceRequest;

/**
 * One request as the bulk downloads publish it: what {@code GET requests} with
 * {@code extensions=true} shows, and the few figures a data user would otherwise work out
 * (when it closed, how long that took, how many photos).
 *
 * @param closedAt when it last closed, or null while open
 */
public record PublishedRequest(String jurisdictionId, ServiceRequest request, RequestExtensions extensions,
    OffsetDateTime closedAt, int photoCount) {

  /** Days from request to close, to a hundredth; null while open. */
  public BigDecimal daysToClose() {
    if (closedAt == null) {
      return null;
    }
    long millis = Duration.between(request.requestedDatetime(), closedAt).toMillis();
    return BigDecimal.valueOf(millis).divide(BigDecimal.valueOf(Duration.ofDays(1).toMillis()), 2,
        RoundingMode.HALF_UP);
  }

  /** The values of {@link Columns#REQUESTS}, in order: strings, numbers or null. */
  public List<Object> cells() {
    ServiceRequest r = request;
    List<Object> cells = new ArrayList<>(Arrays.asList(
        r.id(),
        jurisdictionId,
        r.status().wireName(),
        extensions.extendedStatus() == null ? null : extensions.extendedStatus().wireName(),
        r.statusNotes(),
        r.serviceCode(),
        r.serviceName(),
        r.description(),
        r.agencyResponsible(),
        r.serviceNotice(),
        GeoDateTime.format(r.requestedDatetime()),
        GeoDateTime.format(r.updatedDatetime()),
        GeoDateTime.format(r.expectedDatetime()),
        GeoDateTime.format(closedAt),
        daysToClose(),
        r.address(),
        r.addressId(),
        r.zipcode(),
        r.lat(),
        r.lon(),
        r.mediaUrl(),
        photoCount,
        extensions.channel(),
        extensions.duplicateOf()));
    if (cells.size() != Columns.REQUESTS.size()) {
      throw new IllegalStateException("a published request has " + cells.size() + " cells for "
          + Columns.REQUESTS.size() + " columns");
    }
    return cells;
  }
}
