package org.civic311.server.web;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.civic311.georeport.Documents;
import org.civic311.georeport.Format;
import org.civic311.server.domain.Catalogue;
import org.civic311.server.domain.Jurisdictions;

/**
 * {@code GET services} and {@code GET services/{code}}. The service list is the most requested
 * document and changes rarely, so its bytes are kept per jurisdiction, format and changeset.
 */
final class ServicesEndpoint {
  private final Jurisdictions jurisdictions;
  private final ConcurrentHashMap<String, Answer> lists = new ConcurrentHashMap<>();

  ServicesEndpoint(Jurisdictions jurisdictions) {
    this.jurisdictions = jurisdictions;
  }

  Answer list(Optional<String> jurisdictionId, Format format) {
    Catalogue c = jurisdictions.resolve(jurisdictionId);
    String key = c.jurisdiction().id() + '\n' + format + '\n' + c.changeset().toEpochMilli();
    Answer cached = lists.get(key);
    if (cached == null) {
      if (lists.size() > 64) {
        lists.clear();
      }
      cached = Reply.of(200, Documents.services(c.services()), format);
      lists.put(key, cached);
    }
    return cached.withHeader("Last-Modified", Validators.httpDate(c.changeset()))
        .withHeader("Cache-Control", "public, max-age=60");
  }

  Answer definition(Optional<String> jurisdictionId, String code, Format format) {
    Catalogue c = jurisdictions.resolve(jurisdictionId);
    return Reply.of(200, Documents.serviceDefinition(c.definition(code)), format)
        .withHeader("Last-Modified", Validators.httpDate(c.changeset()))
        .withHeader("Cache-Control", "public, max-age=60");
  }
}
