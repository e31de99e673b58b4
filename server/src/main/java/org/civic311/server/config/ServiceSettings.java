package org.civic311.server.config;

import java.util.List;

/** One service of a catalogue as written in the configuration file. */
public record ServiceSettings(
    String code,
    String name,
    String description,
    String type,
    String keywords,
    String group,
    String serviceNotice,
    String agencyResponsible,
    List<AttributeSettings> attributes) {
  public ServiceSettings {
    type = type == null ? "realtime" : type;
    attributes = attributes == null ? List.of() : List.copyOf(attributes);
  }
}
