package org.civic311.server.domain.staff;

import java.util.LinkedHashMap;
import java.util.Map;
import org.civic311.server.domain.Wording;

/** Form input the back office will not accept, with words for each field at fault. */
public final class InvalidInput extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Map<String, Wording> fields;

  public InvalidInput(Map<String, Wording> fields) {
    super(String.join("; ", fields.values().stream().map(Wording::toString).toList()));
    this.fields = Map.copyOf(new LinkedHashMap<>(fields));
  }

  public static InvalidInput of(String field, String key, Object... args) {
    return new InvalidInput(Map.of(field, Wording.of(key, args)));
  }

  /** Words by form field name. */
  public Map<String, Wording> fields() {
    return fields;
  }
}
