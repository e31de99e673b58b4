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
    Integer slaDays,
    java.util.Map<String, Translation> translations) {
  @com.fasterxml.jackson.annotation.JsonCreator
  public ServiceSettings {
    type = type == null ? "realtime" : type;
    attributes = attributes == null ? List.of() : List.copyOf(attributes);
    translations = translations == null ? java.util.Map.of() : java.util.Map.copyOf(translations);
  }

  /** A service without a target time, written in the catalogue's language only. */
  public ServiceSettings(String code, String name, String description, String type, String keywords, String group,
      String serviceNotice, String agencyResponsible, List<AttributeSettings> attributes) {
    this(code, name, description, type, keywords, group, serviceNotice, agencyResponsible, attributes, null, null);
  }

  /** A service with a target time (null: none), written in the catalogue's language only. */
  public ServiceSettings(String code, String name, String description, String type, String keywords, String group,
      String serviceNotice, String agencyResponsible, List<AttributeSettings> attributes, Integer slaDays) {
    this(code, name, description, type, keywords, group, serviceNotice, agencyResponsible, attributes, slaDays, null);
  }

  /** A service without a target time, with translations. */
  public ServiceSettings(String code, String name, String description, String type, String keywords, String group,
      String serviceNotice, String agencyResponsible, List<AttributeSettings> attributes,
      java.util.Map<String, Translation> translations) {
    this(code, name, description, type, keywords, group, serviceNotice, agencyResponsible, attributes, null,
        translations);
  }

  /** The service's texts in another language (by language code, such as {@code es}); any may be left out. */
  public record Translation(String name, String description, String group, String serviceNotice) {}
}
