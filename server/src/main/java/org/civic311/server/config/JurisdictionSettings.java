package org.civic311.server.config;

import java.util.List;

/**
 * One jurisdiction: its id (such as {@code sfgov.org}), name, time zone, keys, catalogue, how it
 * publishes open data, where its new requests are forwarded, and the endpoint it mirrors.
 */
public record JurisdictionSettings(
    String id, String name, String timeZone, List<ApiKeySettings> apiKeys, List<ServiceSettings> services,
    OpenDataSettings openData, UpstreamSettings upstream, MirrorSettings mirror) {
  public JurisdictionSettings {
    apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
    services = services == null ? List.of() : List.copyOf(services);
    openData = openData == null ? OpenDataSettings.NONE : openData;
  }

  public JurisdictionSettings(String id, String name, String timeZone, List<ApiKeySettings> apiKeys,
      List<ServiceSettings> services) {
    this(id, name, timeZone, apiKeys, services, null, null, null);
  }

  public JurisdictionSettings(String id, String name, String timeZone, List<ApiKeySettings> apiKeys,
      List<ServiceSettings> services, OpenDataSettings openData) {
    this(id, name, timeZone, apiKeys, services, openData, null, null);
  }

  /** A copy forwarding its new requests upstream. */
  public JurisdictionSettings withUpstream(UpstreamSettings upstream) {
    return new JurisdictionSettings(id, name, timeZone, apiKeys, services, openData, upstream, mirror);
  }

  /** A copy mirroring another city's endpoint. */
  public JurisdictionSettings withMirror(MirrorSettings mirror) {
    return new JurisdictionSettings(id, name, timeZone, apiKeys, services, openData, upstream, mirror);
  }
}
