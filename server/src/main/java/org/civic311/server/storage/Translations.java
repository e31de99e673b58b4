package org.civic311.server.storage;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A service's texts in other languages than the catalogue's own, by language and field. The fields
 * are {@code name}, {@code description}, {@code group}, {@code service_notice}, {@code attribute:<code>}
 * (a question) and {@code value:<code>:<key>} (the name of a list value). A text missing in a
 * language falls back to the catalogue's own.
 */
public record Translations(Map<String, Map<String, String>> byLanguage) {
  public static final Translations NONE = new Translations(Map.of());
  public static final Set<String> SERVICE_FIELDS = Set.of("name", "description", "group", "service_notice");

  public Translations {
    Map<String, Map<String, String>> copy = new TreeMap<>();
    byLanguage.forEach((language, texts) -> {
      Map<String, String> kept = new TreeMap<>();
      texts.forEach((field, text) -> {
        if (text != null && !text.isBlank()) {
          kept.put(field, text.strip());
        }
      });
      if (!kept.isEmpty()) {
        copy.put(language, Map.copyOf(kept));
      }
    });
    byLanguage = java.util.Collections.unmodifiableMap(copy);
  }

  /** The text of a field in a language, if translated. */
  public Optional<String> text(String language, String field) {
    return Optional.ofNullable(byLanguage.getOrDefault(language, Map.of()).get(field));
  }

  public Set<String> languages() {
    return byLanguage.keySet();
  }

  public boolean isEmpty() {
    return byLanguage.isEmpty();
  }

  public static String attribute(String code) {
    return "attribute:" + code;
  }

  public static String value(String code, String key) {
    return "value:" + code + ":" + key;
  }
}
