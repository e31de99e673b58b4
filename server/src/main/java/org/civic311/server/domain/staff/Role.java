package org.civic311.server.domain.staff;

import java.util.Locale;
import java.util.Optional;

/** What a staff member may do. */
public enum Role {
  /** Everything: every request, the catalogue, keys, accounts and the audit log. */
  ADMINISTRATOR,
  /** Works the requests of the jurisdictions and agencies granted to them. */
  AGENT,
  /** Reads requests; changes nothing. */
  VIEWER;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> parse(String text) {
    for (Role r : values()) {
      if (r.wireName().equalsIgnoreCase(text == null ? "" : text.trim())) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
