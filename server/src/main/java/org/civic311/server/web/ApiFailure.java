package org.civic311.server.web;

/** An HTTP-level failure (405, 413, 415, ...) raised while reading a call. */
public final class ApiFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  ApiFailure(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
