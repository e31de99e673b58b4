package org.civic311.server.storage;

import java.util.List;

/** A validated update of a request, ready to be stored. Times are epoch ms. */
public record NewUpdate(
    String jurisdictionId,
    long requestId,
    String updateId,
    String extendedStatus,
    String coreStatus,
    String description,
    long updatedAt,
    long recordedAt,
    String externalStatusCode,
    Long apiKeyId,
    List<MediaRecord> media) {

  public NewUpdate {
    media = List.copyOf(media);
  }
}
