package org.civic311.server.domain.staff;

import org.civic311.server.domain.Wording;

/** The member's role or grants do not allow this; the pages answer 403. */
public final class NotPermitted extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Wording wording;

  public NotPermitted(String key, Object... args) {
    this(Wording.of(key, args));
  }

  public NotPermitted(Wording wording) {
    super(wording.toString());
    this.wording = wording;
  }

  public Wording wording() {
    return wording;
  }
}
