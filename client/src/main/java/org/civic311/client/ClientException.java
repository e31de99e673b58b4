package org.civic311.client;

import java.net.URI;

/**
 * A call to a GeoReport server that did not give what was asked. Every failure of the client is
 * one of the subclasses, each naming the call ({@code GET services}) and its URL:
 * {@link GeoReportException} (the server answered with an error document),
 * {@link UnexpectedAnswerException} (the answer was not the GeoReport document expected: HTML,
 * a wrong document, too large), {@link CallTimeoutException} and {@link ConnectionException}.
 */
public class ClientException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String call;
  private final transient URI uri;

  public ClientException(String call, URI uri, String message, Throwable cause) {
    super(call + " (" + uri + "): " + message, cause);
    this.call = call;
    this.uri = uri;
  }

  /** The call that failed, such as {@code GET services}. */
  public String call() {
    return call;
  }

  /** The URL called, with its query (the API key is never in it: keys travel in POST bodies). */
  public URI uri() {
    return uri;
  }
}
