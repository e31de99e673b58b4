package org.civic311.georeport;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The richer statuses of the update history (the mySociety model), each mapped to the core
 * {@link Status} that {@code GET requests} shows and to the coarser CitySDK
 * {@link CitySdkStatus} that {@code detailed_status} shows. {@link #UNCHANGED} keeps the
 * request's status and maps to neither. On the wire they are lower case; FixMyStreet posts them
 * in upper case.
 */
public enum ExtendedStatus {
  OPEN(Status.OPEN, CitySdkStatus.RECEIVED),
  IN_PROGRESS(Status.OPEN, CitySdkStatus.IN_PROCESS),
  PLANNED(Status.OPEN, CitySdkStatus.IN_PROCESS),
  ACTION_SCHEDULED(Status.OPEN, CitySdkStatus.IN_PROCESS),
  INVESTIGATING(Status.OPEN, CitySdkStatus.IN_PROCESS),
  REOPEN(Status.OPEN, CitySdkStatus.RECEIVED),
  FOR_TRIAGE(Status.OPEN, CitySdkStatus.RECEIVED),
  INTERNAL_REFERRAL(Status.OPEN, CitySdkStatus.IN_PROCESS),
  UNCHANGED(null, null),
  CLOSED(Status.CLOSED, CitySdkStatus.PROCESSED),
  FIXED(Status.CLOSED, CitySdkStatus.PROCESSED),
  // Closed without the work being done: CitySDK's REJECTED ("will not be processed").
  DUPLICATE(Status.CLOSED, CitySdkStatus.REJECTED),
  NOT_COUNCILS_RESPONSIBILITY(Status.CLOSED, CitySdkStatus.REJECTED),
  NO_FURTHER_ACTION(Status.CLOSED, CitySdkStatus.REJECTED),
  CANCELLED(Status.CLOSED, CitySdkStatus.REJECTED);

  // Written into every request of every list: kept, not lowered each time.
  private final String wire = name().toLowerCase(Locale.ROOT);
  private final Status core;
  private final CitySdkStatus citySdk;

  ExtendedStatus(Status core, CitySdkStatus citySdk) {
    this.core = core;
    this.citySdk = citySdk;
  }

  /** The core status this maps to; empty for {@link #UNCHANGED}. */
  public Optional<Status> core() {
    return Optional.ofNullable(core);
  }

  /** The CitySDK status this maps to; empty for {@link #UNCHANGED}. */
  public Optional<CitySdkStatus> citySdk() {
    return Optional.ofNullable(citySdk);
  }

  /** The lower-case name used on the wire. */
  public String wireName() {
    return wire;
  }

  /**
   * Parses a status in any case, with {@code _} or spaces between words (FixMyStreet's
   * display form); empty when it is not one of the statuses.
   */
  public static Optional<ExtendedStatus> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    // Stored statuses are wire names already: one lookup, no new strings (a bulk export parses
    // one per request).
    Optional<ExtendedStatus> wire = BY_WIRE_NAME.get(text);
    if (wire != null) {
      return wire;
    }
    String normal = text.trim().replace(' ', '_').toUpperCase(Locale.ROOT);
    for (ExtendedStatus s : values()) {
      if (s.name().equals(normal)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  private static final Map<String, Optional<ExtendedStatus>> BY_WIRE_NAME = byWireName();

  private static Map<String, Optional<ExtendedStatus>> byWireName() {
    Map<String, Optional<ExtendedStatus>> m = new HashMap<>();
    for (ExtendedStatus s : values()) {
      m.put(s.wire, Optional.of(s));
    }
    return Map.copyOf(m);
  }
}
