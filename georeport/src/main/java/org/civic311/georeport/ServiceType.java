package org.civic311.georeport;

import java.util.Locale;

/** How a service answers a POST: with an id, with a token, or with neither. */
public enum ServiceType {
  /** The POST reply carries the new {@code service_request_id}. */
  REALTIME,
  /** The POST reply carries a {@code token} that {@code GET tokens/{token}} resolves later. */
  BATCH,
  /** The POST reply carries neither id nor token, only the {@code service_notice}. */
  BLACKBOX;

  /** The lower-case name used on the wire. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the wire name, ignoring case; throws {@link IllegalArgumentException} otherwise. */
  public static ServiceType ofWireName(String name) {
    for (ServiceType t : values()) {
      if (t.wireName().equalsIgnoreCase(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown service type '" + name + "'");
  }
}
