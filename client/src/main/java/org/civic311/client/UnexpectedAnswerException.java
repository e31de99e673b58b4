package org.civic311.client;

import java.net.URI;

/**
 * The server answered, but not with the GeoReport document the call expects: an HTML error
 * page, a document that cannot be read, an error status without an error document, or an
 * answer larger than {@link ClientConfig#maxAnswerBytes()}. Carries the status, the
 * {@code Content-Type} and the start of the body, for people to see what came.
 */
public final class UnexpectedAnswerException extends ClientException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String contentType;
  private final String excerpt;

  public UnexpectedAnswerException(String call, URI uri, int status, String contentType, String excerpt,
      String problem, Throwable cause) {
    super(call, uri, problem + " (HTTP " + status + ", " + (contentType == null ? "no Content-Type" : contentType)
        + (excerpt == null || excerpt.isEmpty() ? "" : ", starting '" + excerpt + "'") + ")", cause);
    this.status = status;
    this.contentType = contentType;
    this.excerpt = excerpt;
  }

  /** The HTTP status of the answer. */
  public int status() {
    return status;
  }

  /** The {@code Content-Type} header as received, or null. */
  public String contentType() {
    return contentType;
  }

  /** The first characters of the body, on one line. */
  public String excerpt() {
    return excerpt;
  }
}
