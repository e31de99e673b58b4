package org.civic311.georeport;

import java.util.List;

/**
 * What {@code extensions=true} adds to a request: {@code extended_attributes} (channel, status
 * (written both as CitySDK's {@code detailed_status} and as this project's finer
 * {@code extended_status}), duplicate and parent links, every media URL, the submitted answers)
 * and {@code notes} (the public update history). Fields may be null where unknown.
 * {@code upstreamServiceRequestId} is the id (or token) an upstream server gave a request this one
 * was forwarded to, written only when there is one. {@code expectedDatetimeEstimated} is true when
 * the request's {@code expected_datetime} is the server's estimate (from how long requests like it
 * took) rather than a date the city set; written only when true.
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
    String upstreamServiceRequestId,
    boolean expectedDatetimeEstimated) {

  public RequestExtensions {
    mediaUrls = List.copyOf(mediaUrls);
    duplicates = List.copyOf(duplicates);
    attributes = List.copyOf(attributes);
    notes = List.copyOf(notes);
  }

  /** Extensions of a request whose expected date, if any, was not estimated. */
  public RequestExtensions(String channel, ExtendedStatus extendedStatus, String duplicateOf, List<String> duplicates,
      String parentServiceRequestId, List<String> mediaUrls, int supportCount, List<Answer> attributes,
      List<RequestUpdate> notes, String upstreamServiceRequestId) {
    this(channel, extendedStatus, duplicateOf, duplicates, parentServiceRequestId, mediaUrls, supportCount,
        attributes, notes, upstreamServiceRequestId, false);
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
