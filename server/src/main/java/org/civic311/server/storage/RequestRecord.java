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

  /** The same request with other free texts, such as the public's masked ones. */
  public RequestRecord withTexts(String statusNotes, String description, String address) {
    return new RequestRecord(id, jurisdictionId, serviceCode, serviceName, status, statusNotes, description,
        agencyResponsible, serviceNotice, requestedAt, updatedAt, expectedAt, address, addressId, zipcode, lat, lon,
        mediaUrl, token, attributes, reporter, extendedStatus, channel, parentRequestId, duplicateOf, hiddenReason,
        supportCount);
  }
}
