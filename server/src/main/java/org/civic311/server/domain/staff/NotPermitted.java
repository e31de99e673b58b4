package org.civic311.server.domain.staff;

/** The member's role or grants do not allow this; the pages answer 403. */
public final class NotPermitted extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NotPermitted(String message) {
    super(message);
  }
}
