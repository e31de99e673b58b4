package org.civic311.georeport;

import java.util.Objects;

/** One choice of a list attribute: the {@code key} a client submits and the {@code name} it shows. */
public record AttributeValue(String key, String name) {
  public AttributeValue {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(name, "name");
  }
}
