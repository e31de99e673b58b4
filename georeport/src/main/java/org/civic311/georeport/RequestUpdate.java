package org.civic311.georeport;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a request's public history ({@code GET servicerequestupdates}): a status change,
 * a public note, or both.
 *
 * @param updateId           the update's id, unique within its jurisdiction
 * @param serviceRequestId   the request it belongs to
 * @param status             the extended status after the update
 * @param updatedDatetime    when it happened
 * @param description        the public note, may be null
 * @param mediaUrls          photos attached to the update, first one also given as {@code media_url}
 * @param externalStatusCode the back end's own status code, may be null
 */
public record RequestUpdate(
    String updateId,
    String serviceRequestId,
    ExtendedStatus status,
    OffsetDateTime updatedDatetime,
    String description,
    List<String> mediaUrls,
    String externalStatusCode) {

  public RequestUpdate {
    Objects.requireNonNull(updateId, "updateId");
    Objects.requireNonNull(serviceRequestId, "serviceRequestId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(updatedDatetime, "updatedDatetime");
    mediaUrls = List.copyOf(mediaUrls);
  }
}
