package org.civic311.server.storage;

import java.util.List;

/** A stored update of a request. {@code updateId} is null until the store gives it one. */
public record UpdateRecord(
    long id,
    String jurisdictionId,
    long requestId,
    String updateId,
    String status,
    String description,
    long updatedAt,
    String externalStatusCode,
    List<MediaRecord> media) {

  public UpdateRecord {
    media = List.copyOf(media);
  }

  /** The same update with another note, such as the public's masked one. */
  public UpdateRecord withDescription(String description) {
    return new UpdateRecord(id, jurisdictionId, requestId, updateId, status, description, updatedAt,
        externalStatusCode, media);
  }
}
