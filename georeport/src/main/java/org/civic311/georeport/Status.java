package org.civic311.georeport;

import java.util.Locale;

/** The two core statuses of a service request. Richer states belong to extensions. */
public enum Status {
  OPEN, CLOSED;

  // Written into every request of every list: kept, not lowered each time.
  private final String wire = name().toLowerCase(Locale.ROOT);

  /** The lower-case name used on the wire. */
  public String wireName() {
    return wire;
  }

  /** Parses {@code open} or {@code closed}, ignoring case; throws {@link IllegalArgumentException} otherwise. */
  public static Status ofWireName(String name) {
    // Stored statuses are exact wire names: no trimming or case folding for them.
    for (Status s : values()) {
      if (s.wireName().equals(name)) {
        return s;
      }
    }
    for (Status s : values()) {
      if (s.wireName().equalsIgnoreCase(name.trim())) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown status '" + name + "'");
  }
}
