package org.civic311.server.web;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.civic311.georeport.Documents;
import org.civic311.georeport.Format;
import org.civic311.server.domain.Catalogue;
import org.civic311.server.domain.Translated;
import org.civic311.server.domain.Jurisdictions;

/**
 * {@code GET services} and {@code GET services/{code}}. The service list is the most requested
 * document and changes rarely, so its bytes are kept per jurisdiction, format and changeset.
 */
final class ServicesEndpoint {
  // The language is part of the key: a list is encoded once per jurisdiction, format, changeset and
  // language, so each language has its own bytes and so its own ETag.
  private final Jurisdictions jurisdictions;
  private final ConcurrentHashMap<String, Answer> lists = new ConcurrentHashMap<>();

  ServicesEndpoint(Jurisdictions jurisdictions) {
    this.jurisdictions = jurisdictions;
  }

  Answer list(Optional<String> jurisdictionId, Format format, String wanted) {
    Catalogue c = jurisdictions.resolve(jurisdictionId);
    String language = Translated.choose(wanted, c.languages());
    String key = c.jurisdiction().id() + '\n' + format + '\n' + c.changeset().toEpochMilli() + '\n' + language;
    Answer cached = lists.get(key);
    if (cached == null) {
      if (lists.size() > 64) {
        lists.clear();
      }
      cached = Reply.of(200, Documents.services(c.services(language)), format);
      lists.put(key, cached);
    }
    return cached.withHeader("Last-Modified", Validators.httpDate(c.changeset()))
        .withHeader("Cache-Control", "public, max-age=60").withHeader("Vary", "Accept-Language");
  }

  Answer definition(Optional<String> jurisdictionId, String code, Format format, String wanted) {
    Catalogue c = jurisdictions.resolve(jurisdictionId);
    String language = Translated.choose(wanted, c.languages());
    return Reply.of(200, Documents.serviceDefinition(c.definition(code, language)), format)
        .withHeader("Last-Modified", Validators.httpDate(c.changeset()))
        .withHeader("Cache-Control", "public, max-age=60").withHeader("Vary", "Accept-Language");
  }

  /** The language a call asks for: the {@code locale} parameter, else {@code Accept-Language}. */
  static String wanted(Exchange x) {
    String locale = x.queryParameters().all("locale").stream().findFirst().orElse("");
    return locale.isBlank() ? x.request().getHeaders().get("Accept-Language") : locale;
  }
}
