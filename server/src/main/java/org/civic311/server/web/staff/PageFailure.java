package org.civic311.server.web.staff;

/** A staff page call that ends in an error page with this status and message. */
final class PageFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  PageFailure(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }
}
