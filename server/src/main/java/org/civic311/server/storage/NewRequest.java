package org.civic311.server.storage;

import java.util.List;
import java.util.Map;

/** A validated service request, ready to be stored. Times are epoch ms. */
public record NewRequest(
    String jurisdictionId,
    String serviceCode,
    String serviceName,
    String description,
    String agencyResponsible,
    String serviceNotice,
    long requestedAt,
    Long expectedAt,
    String address,
    String addressId,
    String zipcode,
    Double lat,
    Double lon,
    String mediaUrl,
    String token,
    Map<String, List<String>> attributes,
    Long apiKeyId,
    Reporter reporter,
    String channel,
    List<MediaRecord> media) {

  public NewRequest {
    attributes = Map.copyOf(attributes);
    media = List.copyOf(media);
  }

  /** The reporter's personal details; stored, never published. */
  public record Reporter(
      String email, String phone, String firstName, String lastName, String deviceId, String accountId) {}
}
