package org.civic311.server.storage;

import java.util.List;
import java.util.Map;

/** A stored service request with everything the city knows of it, personal details included. */
public record RequestRecord(
    long id,
    String jurisdictionId,
    String serviceCode,
    String serviceName,
    String status,
    String statusNotes,
    String description,
    String agencyResponsible,
    String serviceNotice,
    long requestedAt,
    long updatedAt,
    Long expectedAt,
    String address,
    String addressId,
    String zipcode,
    Double lat,
    Double lon,
    String mediaUrl,
    String token,
    Map<String, List<String>> attributes,
    NewRequest.Reporter reporter,
    String extendedStatus,
    String channel,
    Long parentRequestId,
    Long duplicateOf,
    String hiddenReason,
    int supportCount) {

  /** Hidden by a moderator: left out of every public answer. */
  public boolean hidden() {
    return hiddenReason != null;
  }
}
