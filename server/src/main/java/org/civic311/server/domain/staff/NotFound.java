package org.civic311.server.domain.staff;

import org.civic311.server.domain.Wording;

/** The thing an action names does not exist; the pages answer 404. */
public final class NotFound extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Wording wording;

  public NotFound(String key, Object... args) {
    this(Wording.of(key, args));
  }

  public NotFound(Wording wording) {
    super(wording.toString());
    this.wording = wording;
  }

  public Wording wording() {
    return wording;
  }
}
