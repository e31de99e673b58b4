package org.civic311.server.domain.opendata;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import org.civic311.georeport.Status;
import org.civic311.server.domain.Extensions;
import org.civic311.server.domain.PublicView;
import org.civic311.server.storage.PublicRequestRow;

/**
 * One request as the bulk CSV and GeoJSON downloads publish it: the public fields of
 * {@code GET requests} with {@code extensions=true}, and the few figures a data user would
 * otherwise work out (when it closed, how long that took, how many photos). Built only through
 * {@link #of}, which masks the free texts as the API does.
 */
public final class PublishedRequest {
  private static final long DAY_MILLIS = 86_400_000L;
  private final PublicRequestRow row;
  private final LocalTimes times;

  private PublishedRequest(PublicRequestRow row, LocalTimes times) {
    this.row = row;
    this.times = times;
  }

  /** The stored row as the public may read it, its times written by {@code times}. */
  static PublishedRequest of(PublicRequestRow stored, LocalTimes times) {
    return new PublishedRequest(PublicView.of(stored), times);
  }

  public String id() {
    return Long.toString(row.id());
  }

  public Double lat() {
    return row.lat();
  }

  public Double lon() {
    return row.lon();
  }

  /**
   * When it last closed (epoch ms): the newest update that closed it, or its last change when it
   * was closed without one; null while open.
   */
  private Long closedAt() {
    if (!Status.CLOSED.wireName().equals(row.status())) {
      return null;
    }
    return row.closedAt() != null ? row.closedAt() : row.updatedAt();
  }

  /** Days from request to {@code closed}, to a hundredth; null while open. */
  private BigDecimal daysToClose(Long closed) {
    if (closed == null) {
      return null;
    }
    return BigDecimal.valueOf(closed - row.requestedAt()).divide(BigDecimal.valueOf(DAY_MILLIS), 2,
        RoundingMode.HALF_UP);
  }

  /** The values of {@link Columns#REQUESTS}, in order: strings, numbers or null. */
  public List<Object> cells() {
    PublicRequestRow r = row;
    // A photo given only as a media_url counts as one, as the API's media list shows it.
    int photos = r.photoCount() == 0 && r.mediaUrl() != null ? 1 : r.photoCount();
    Long closed = closedAt();
    List<Object> cells = Arrays.asList(
        Long.toString(r.id()),
        r.jurisdictionId(),
        r.status(),
        Extensions.extendedStatus(r.extendedStatus(), r.status()).wireName(),
        r.statusNotes(),
        r.serviceCode(),
        r.serviceName(),
        r.description(),
        r.agencyResponsible(),
        r.serviceNotice(),
        time(r.requestedAt()),
        time(r.updatedAt()),
        r.expectedAt() == null ? null : time(r.expectedAt()),
        closed == null ? null : time(closed),
        daysToClose(closed),
        r.address(),
        r.addressId(),
        r.zipcode(),
        r.lat(),
        r.lon(),
        r.mediaUrl(),
        photos,
        r.channel(),
        r.duplicateOf() == null ? null : Long.toString(r.duplicateOf()));
    if (cells.size() != Columns.REQUESTS.size()) {
      throw new IllegalStateException("a published request has " + cells.size() + " cells for "
          + Columns.REQUESTS.size() + " columns");
    }
    return cells;
  }

  private String time(long epochMillis) {
    return times.format(epochMillis);
  }
}
