package org.civic311.client;

import java.net.URI;
import java.time.Duration;

/** A call took longer than {@link ClientConfig#callTimeout()} (or its connection than the connect timeout). */
public final class CallTimeoutException extends ClientException {
  private static final long serialVersionUID = 1L;
  private final Duration timeout;

  public CallTimeoutException(String call, URI uri, Duration timeout, Throwable cause) {
    super(call, uri, "no complete answer within " + timeout.toMillis() + " ms", cause);
    this.timeout = timeout;
  }

  /** The limit that was reached. */
  public Duration timeout() {
    return timeout;
  }
}
