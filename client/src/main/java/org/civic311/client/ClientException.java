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
    super(call + " (" + redacted(uri) + "): " + message, cause);
    this.call = call;
    this.uri = redacted(uri);
  }

  /** The URL with the value of any {@code api_key} in its query replaced by {@code ***}. */
  static URI redacted(URI uri) {
    if (uri == null || uri.getRawQuery() == null || !uri.getRawQuery().contains("api_key=")) {
      return uri;
    }
    return URI.create(uri.toString().replaceAll("([?&]api_key=)[^&#]*", "$1***"));
  }

  /** The call that failed, such as {@code GET services}. */
  public String call() {
    return call;
  }

  /**
   * The URL called, with its query; an {@code api_key} in it (the update history GET sends one,
   * as FixMyStreet does) shows as {@code ***}, so messages and logs never carry the key.
   */
  public URI uri() {
    return uri;
  }
}
