package org.civic311.georeport;

import java.util.List;

/**
 * What {@code extensions=true} adds to a request: {@code extended_attributes} (channel, status
 * (written both as CitySDK's {@code detailed_status} and as this project's finer
 * {@code extended_status}), duplicate and parent links, every media URL, the submitted answers)
 * and {@code notes} (the public update history). Fields may be null where unknown.
 * {@code upstreamServiceRequestId} is the id (or token) an upstream server gave a request this one
 * was forwarded to, written only when there is one.
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
    List<RequestUpdate> notes,
    String upstreamServiceRequestId) {

  public RequestExtensions {
    mediaUrls = List.copyOf(mediaUrls);
    duplicates = List.copyOf(duplicates);
    attributes = List.copyOf(attributes);
    notes = List.copyOf(notes);
  }

  /** Extensions of a request that was not forwarded to an upstream server. */
  public RequestExtensions(String channel, ExtendedStatus extendedStatus, String duplicateOf, List<String> duplicates,
      String parentServiceRequestId, List<String> mediaUrls, int supportCount, List<Answer> attributes,
      List<RequestUpdate> notes) {
    this(channel, extendedStatus, duplicateOf, duplicates, parentServiceRequestId, mediaUrls, supportCount,
        attributes, notes, null);
  }

  /** One submitted answer: the attribute code and one value (multi-valued answers repeat). */
  public record Answer(String code, String value) {}
}
