package org.civic311.server.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.civic311.georeport.AttributeValue;
import org.civic311.georeport.ServiceAttribute;
import org.civic311.server.storage.ServiceRecord;
import org.civic311.server.storage.Translations;

/**
 * A service as a reader of one language sees it: each translated text in place of the catalogue's
 * own, and the catalogue's own wherever a text is not translated. Codes and keys never change, so
 * answers given in any language are the same answers.
 */
public final class Translated {
  /** The language the catalogues' own texts are written in. */
  public static final String DEFAULT = "en";

  private Translated() {}

  /** The service in a language; the record itself for the default language or a null one. */
  public static ServiceRecord service(ServiceRecord r, String language) {
    Translations t = r.translations();
    if (language == null || language.equals(DEFAULT) || !t.languages().contains(language)) {
      return r;
    }
    List<ServiceAttribute> attributes = new ArrayList<>();
    for (ServiceAttribute a : r.attributes()) {
      List<AttributeValue> values = new ArrayList<>();
      for (AttributeValue v : a.values()) {
        values.add(new AttributeValue(v.key(), t.text(language, Translations.value(a.code(), v.key())).orElse(v.name())));
      }
      attributes.add(new ServiceAttribute(a.variable(), a.code(), a.datatype(), a.required(), a.datatypeDescription(),
          a.order(), t.text(language, Translations.attribute(a.code())).orElse(a.description()), values));
    }
    return new ServiceRecord(r.code(), t.text(language, "name").orElse(r.name()),
        t.text(language, "description").orElse(r.description()), r.type(), r.keywords(),
        t.text(language, "group").orElse(r.group()), t.text(language, "service_notice").orElse(r.serviceNotice()),
        r.agencyResponsible(), attributes, r.retired(), t);
  }

  /**
   * The best of the offered languages for an {@code Accept-Language} header or a {@code locale}
   * parameter ({@code es}, {@code es-MX}, {@code es_MX}), or null when none matches (the default).
   */
  public static String choose(String wanted, java.util.Collection<String> offered) {
    if (wanted == null || wanted.isBlank()) {
      return null;
    }
    try {
      for (Locale.LanguageRange range : Locale.LanguageRange.parse(wanted.replace('_', '-'))) {
        String tag = range.getRange().toLowerCase(Locale.ROOT);
        if (tag.equals(DEFAULT) || tag.startsWith(DEFAULT + "-")) {
          return null;
        }
        for (String l : offered) {
          if (tag.equals(l) || tag.startsWith(l + "-")) {
            return l;
          }
        }
      }
    } catch (IllegalArgumentException e) {
      // A malformed header or parameter: the default language, as if none were asked for.
    }
    return null;
  }
}
