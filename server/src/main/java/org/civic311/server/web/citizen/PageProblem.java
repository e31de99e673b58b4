package org.civic311.server.web.citizen;

/** A public page call that ends in an error page: its status and the message key to show. */
final class PageProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String key;

  PageProblem(int status, String key) {
    super(key);
    this.status = status;
    this.key = key;
  }

  int status() {
    return status;
  }

  String key() {
    return key;
  }
}
