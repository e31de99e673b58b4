package org.civic311.georeport;

import java.util.List;

/**
 * What {@code extensions=true} adds to a request: {@code extended_attributes} (channel, status
 * (written both as CitySDK's {@code detailed_status} and as this project's finer
 * {@code extended_status}), duplicate and parent links, every media URL, the submitted answers)
 * and {@code notes} (the public update history). Fields may be null where unknown.
 */
public record RequestExtensions(
    String channel,
    ExtendedStatus extendedStatus,
    String duplicateOf,
    List<String> duplicates,
    String parentServiceRequestId,
    List<String> mediaUrls,
    int supportCount,
    List<Answer> attributes,
    List<RequestUpdate> notes) {

  public RequestExtensions {
    mediaUrls = List.copyOf(mediaUrls);
    duplicates = List.copyOf(duplicates);
    attributes = List.copyOf(attributes);
    notes = List.copyOf(notes);
  }

  /** One submitted answer: the attribute code and one value (multi-valued answers repeat). */
  public record Answer(String code, String value) {}
}
