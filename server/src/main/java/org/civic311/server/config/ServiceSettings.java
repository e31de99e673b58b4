package org.civic311.server.config;

import java.util.List;

/** One service of a catalogue as written in the configuration file ({@code sla_days}: its target time to close). */
public record ServiceSettings(
    String code,
    String name,
    String description,
    String type,
    String keywords,
    String group,
    String serviceNotice,
    String agencyResponsible,
    List<AttributeSettings> attributes,
    Integer slaDays) {
  public ServiceSettings {
    type = type == null ? "realtime" : type;
    attributes = attributes == null ? List.of() : List.copyOf(attributes);
  }

  /** A service without a target time. */
  public ServiceSettings(String code, String name, String description, String type, String keywords, String group,
      String serviceNotice, String agencyResponsible, List<AttributeSettings> attributes) {
    this(code, name, description, type, keywords, group, serviceNotice, agencyResponsible, attributes, null);
  }
}
