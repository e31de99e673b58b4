package org.civic311.georeport;

/**
 * What a GeoReport document is meant to be, so that {@link Conformance} knows which shape to
 * expect. Each kind names the XML root element it must have.
 */
public enum DocumentKind {
  /** {@code GET discovery}: one {@code <discovery>} object. */
  DISCOVERY("discovery"),
  /** {@code GET services}: a list of services. */
  SERVICES("services"),
  /** {@code GET services/{code}}: one {@code <service_definition>} object. */
  SERVICE_DEFINITION("service_definition"),
  /** {@code GET requests} and {@code GET requests/{id}}: a list of requests. */
  REQUESTS("service_requests"),
  /** The reply to {@code POST requests}: one request with an id, a token or neither. */
  POST_REPLY("service_requests"),
  /** {@code GET tokens/{token}}: one request with both {@code service_request_id} and {@code token}. */
  TOKEN_REPLY("service_requests"),
  /** An error list, the body of every 4xx and 5xx answer. */
  ERRORS("errors"),
  /** {@code GET servicerequestupdates}: a list of updates (the mySociety extension). */
  UPDATES("service_request_updates"),
  /** The reply to {@code POST servicerequestupdates}: one update holding its {@code update_id}. */
  UPDATE_REPLY("service_request_updates");

  private final String rootName;

  DocumentKind(String rootName) {
    this.rootName = rootName;
  }

  /** The name of the XML root element of this kind of document. */
  public String rootName() {
    return rootName;
  }
}
