package org.civic311.server.domain.staff;

/** The thing an action names does not exist; the pages answer 404. */
public final class NotFound extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NotFound(String message) {
    super(message);
  }
}
