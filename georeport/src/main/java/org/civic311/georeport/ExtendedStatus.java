package org.civic311.georeport;

import java.util.Locale;
import java.util.Optional;

/**
 * The richer statuses of the update history (the mySociety model), each mapped to the core
 * {@link Status} that {@code GET requests} shows. {@link #UNCHANGED} keeps the request's status.
 * On the wire they are lower case; FixMyStreet posts them in upper case.
 */
public enum ExtendedStatus {
  OPEN(Status.OPEN),
  IN_PROGRESS(Status.OPEN),
  PLANNED(Status.OPEN),
  ACTION_SCHEDULED(Status.OPEN),
  INVESTIGATING(Status.OPEN),
  REOPEN(Status.OPEN),
  FOR_TRIAGE(Status.OPEN),
  INTERNAL_REFERRAL(Status.OPEN),
  UNCHANGED(null),
  CLOSED(Status.CLOSED),
  FIXED(Status.CLOSED),
  DUPLICATE(Status.CLOSED),
  NOT_COUNCILS_RESPONSIBILITY(Status.CLOSED),
  NO_FURTHER_ACTION(Status.CLOSED),
  CANCELLED(Status.CLOSED);

  private final Status core;

  ExtendedStatus(Status core) {
    this.core = core;
  }

  /** The core status this maps to; empty for {@link #UNCHANGED}. */
  public Optional<Status> core() {
    return Optional.ofNullable(core);
  }

  /** The lower-case name used on the wire. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a status in any case, with {@code _} or spaces between words (FixMyStreet's
   * display form); empty when it is not one of the statuses.
   */
  public static Optional<ExtendedStatus> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String normal = text.trim().replace(' ', '_').toUpperCase(Locale.ROOT);
    for (ExtendedStatus s : values()) {
      if (s.name().equals(normal)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
