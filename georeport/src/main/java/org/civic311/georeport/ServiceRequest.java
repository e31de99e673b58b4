package org.civic311.georeport;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A service request as the public sees it ({@code GET requests}). Personal details of the
 * reporter are deliberately not part of this type, so no public document can carry them.
 *
 * <p>Optional fields are null when absent; documents then carry them as null or empty elements.
 */
public record ServiceRequest(
    String id,
    Status status,
    String statusNotes,
    String serviceName,
    String serviceCode,
    String description,
    String agencyResponsible,
    String serviceNotice,
    OffsetDateTime requestedDatetime,
    OffsetDateTime updatedDatetime,
    OffsetDateTime expectedDatetime,
    String address,
    String addressId,
    String zipcode,
    Double lat,
    Double lon,
    String mediaUrl) {

  public ServiceRequest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(serviceCode, "serviceCode");
    Objects.requireNonNull(requestedDatetime, "requestedDatetime");
  }
}
