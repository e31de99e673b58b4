package org.civic311.georeport;

import java.util.List;
import java.util.Objects;

/**
 * One question of a service definition.
 *
 * @param variable            false when the attribute is display text only and takes no input
 * @param code                the attribute code, submitted as {@code attribute[code]}
 * @param datatype            what kind of answer it takes
 * @param required            true when a POST must answer it
 * @param datatypeDescription an input hint, may be null
 * @param order               a positive position, unique within the service; 1 comes first
 * @param description         the question shown to the user
 * @param values              the choices of a list attribute; empty for the other datatypes
 */
public record ServiceAttribute(
    boolean variable,
    String code,
    Datatype datatype,
    boolean required,
    String datatypeDescription,
    int order,
    String description,
    List<AttributeValue> values) {

  public ServiceAttribute {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(datatype, "datatype");
    Objects.requireNonNull(description, "description");
    values = List.copyOf(values);
  }

  /** True when {@code key} is one of this attribute's value keys. */
  public boolean hasKey(String key) {
    for (AttributeValue v : values) {
      if (v.key().equals(key)) {
        return true;
      }
    }
    return false;
  }
}
