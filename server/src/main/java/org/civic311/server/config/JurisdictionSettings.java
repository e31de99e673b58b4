package org.civic311.server.config;

import java.util.List;

/** One jurisdiction: its id (such as {@code sfgov.org}), name, time zone, keys and catalogue. */
public record JurisdictionSettings(
    String id, String name, String timeZone, List<ApiKeySettings> apiKeys, List<ServiceSettings> services) {
  public JurisdictionSettings {
    apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
    services = services == null ? List.of() : List.copyOf(services);
  }
}
