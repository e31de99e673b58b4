package org.civic311.client;

import java.net.URI;

/** The server could not be reached, or the connection broke: unknown host, refused, reset, TLS failure. */
public final class ConnectionException extends ClientException {
  private static final long serialVersionUID = 1L;

  public ConnectionException(String call, URI uri, String message, Throwable cause) {
    super(call, uri, message, cause);
  }
}
