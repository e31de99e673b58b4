package org.civic311.server.web.citizen;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The page texts in one language, from {@code citizen/messages*.properties}. A missing key shows
 * as the key itself, so a forgotten translation is visible rather than fatal.
 */
public final class Messages {
  /** The languages the pages speak, the first being the default. */
  public static final List<String> LANGUAGES = List.of("en", "es");
  private final ResourceBundle bundle;
  private final String language;

  private Messages(String language) {
    this.language = language;
    this.bundle = ResourceBundle.getBundle("citizen.messages", Locale.forLanguageTag(language),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  private static final java.util.Map<String, Messages> ALL = java.util.Map.of("en", new Messages("en"), "es",
      new Messages("es"));

  public static Messages of(String language) {
    return ALL.getOrDefault(language, ALL.get("en"));
  }

  /** The language code: {@code en} or {@code es}. */
  public String language() {
    return language;
  }

  public String get(String key) {
    try {
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
  }

  /** A text with {@code {0}}-style arguments filled in. */
  public String get(String key, Object... arguments) {
    return new MessageFormat(get(key), Locale.forLanguageTag(language)).format(arguments);
  }

  /** The best language for an {@code Accept-Language} header. */
  static String fromAcceptLanguage(String header) {
    if (header == null || header.isBlank()) {
      return LANGUAGES.get(0);
    }
    try {
      for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
        String tag = range.getRange().toLowerCase(Locale.ROOT);
        for (String l : LANGUAGES) {
          if (tag.equals(l) || tag.startsWith(l + "-")) {
            return l;
          }
        }
      }
    } catch (IllegalArgumentException e) {
      // A malformed header: the default language.
    }
    return LANGUAGES.get(0);
  }
}
