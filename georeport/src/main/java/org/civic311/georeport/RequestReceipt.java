package org.civic311.georeport;

/**
 * The answer to a POST of a request, and to {@code GET tokens/{token}}: the new id, or a token,
 * or (for blackbox services) neither; each field may be null.
 */
public record RequestReceipt(String serviceRequestId, String token, String serviceNotice, String accountId) {

  /** The reply to a POST to a realtime service. */
  public static RequestReceipt ofId(String id, String serviceNotice) {
    return new RequestReceipt(id, null, serviceNotice, null);
  }

  /** The reply to a POST to a batch service. */
  public static RequestReceipt ofToken(String token, String serviceNotice) {
    return new RequestReceipt(null, token, serviceNotice, null);
  }

  /** The reply to a POST to a blackbox service. */
  public static RequestReceipt ofNotice(String serviceNotice) {
    return new RequestReceipt(null, null, serviceNotice, null);
  }
}
