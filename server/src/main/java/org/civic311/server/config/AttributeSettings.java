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
    List<ValueSettings> values,
    java.util.Map<String, Translation> translations) {
  @com.fasterxml.jackson.annotation.JsonCreator
  public AttributeSettings {
    required = required != null && required;
    variable = variable == null || variable;
    values = values == null ? List.of() : List.copyOf(values);
    translations = translations == null ? java.util.Map.of() : java.util.Map.copyOf(translations);
  }

  /** An attribute written in the catalogue's language only. */
  public AttributeSettings(String code, Integer order, String datatype, String description, Boolean required,
      Boolean variable, String datatypeDescription, List<ValueSettings> values) {
    this(code, order, datatype, description, required, variable, datatypeDescription, values, null);
  }

  /** The question and the names of its values (by key) in another language; either may be left out. */
  public record Translation(String description, java.util.Map<String, String> values) {
    public Translation {
      values = values == null ? java.util.Map.of() : java.util.Map.copyOf(values);
    }
  }

  /** One choice of a list attribute. */
  public record ValueSettings(String key, String name) {}
}
