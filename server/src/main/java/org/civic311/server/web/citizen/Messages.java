package org.civic311.server.web.citizen;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The page texts in one language, from a family's bundle: {@code citizen/messages*.properties} for
 * the residents' pages, {@code staff/messages*.properties} for the back office. A missing key shows
 * as the key itself, so a forgotten translation is visible rather than fatal.
 */
public final class Messages {
  /** The languages the pages speak, the first being the default. */
  public static final List<String> LANGUAGES = List.of("en", "es");
  private final ResourceBundle bundle;
  private final String language;

  private Messages(String base, String language) {
    this.language = language;
    this.bundle = ResourceBundle.getBundle(base, Locale.forLanguageTag(language),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  private static final java.util.Map<String, Messages> ALL = java.util.Map.of("en",
      new Messages("citizen.messages", "en"), "es", new Messages("citizen.messages", "es"));
  private static final java.util.Map<String, Messages> STAFF = java.util.Map.of("en",
      new Messages("staff.messages", "en"), "es", new Messages("staff.messages", "es"));

  /** The residents' texts in a language (the default for one not spoken). */
  public static Messages of(String language) {
    return ALL.getOrDefault(language, ALL.get("en"));
  }

  /** The back office's texts in a language (the default for one not spoken). */
  public static Messages staff(String language) {
    return STAFF.getOrDefault(language, STAFF.get("en"));
  }

  /**
   * The language a page call asks for: {@code ?lang=} when it names one spoken, else the {@code lang}
   * cookie, else the best match of {@code Accept-Language}, else the default.
   */
  public static String choose(String queryLang, String cookieLang, String acceptLanguage) {
    if (LANGUAGES.contains(queryLang)) {
      return queryLang;
    }
    if (LANGUAGES.contains(cookieLang)) {
      return cookieLang;
    }
    return fromAcceptLanguage(acceptLanguage);
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
    return new MessageFormat(get(key).replace("'", "''"), Locale.forLanguageTag(language)).format(arguments);
  }

  /** A domain's wording (a key and its arguments) in this language. */
  public String get(org.civic311.server.domain.Wording w) {
    return w.args().isEmpty() ? get(w.key()) : get(w.key(), w.args().toArray());
  }

  /** The best language for an {@code Accept-Language} header. */
  public static String fromAcceptLanguage(String header) {
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
