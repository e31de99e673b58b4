package org.civic311.server.config;

import java.util.List;

/** One attribute of a service definition as written in the configuration file. */
public record AttributeSettings(
    String code,
    Integer order,
    String datatype,
    String description,
    Boolean required,
    Boolean variable,
    String datatypeDescription,
    List<ValueSettings> values) {
  public AttributeSettings {
    required = required != null && required;
    variable = variable == null || variable;
    values = values == null ? List.of() : List.copyOf(values);
  }

  /** One choice of a list attribute. */
  public record ValueSettings(String key, String name) {}
}
