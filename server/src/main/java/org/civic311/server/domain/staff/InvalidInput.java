package org.civic311.server.domain.staff;

import java.util.LinkedHashMap;
import java.util.Map;

/** Form input the back office will not accept, with a message for each field at fault. */
public final class InvalidInput extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Map<String, String> fields;

  public InvalidInput(Map<String, String> fields) {
    super(String.join("; ", fields.values()));
    this.fields = Map.copyOf(new LinkedHashMap<>(fields));
  }

  public static InvalidInput of(String field, String message) {
    return new InvalidInput(Map.of(field, message));
  }

  /** Messages by form field name. */
  public Map<String, String> fields() {
    return fields;
  }
}
