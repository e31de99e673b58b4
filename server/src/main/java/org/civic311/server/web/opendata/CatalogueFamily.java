package org.civic311.server.web.opendata;

import org.civic311.server.web.Answer;
import org.civic311.server.web.Exchange;
import org.civic311.server.web.Failure;
import org.civic311.server.web.Family;
import org.eclipse.jetty.http.HttpFields;

/**
 * The catalogue's metadata documents as a family: harvesters on any site may read them, and a
 * failure (an unknown jurisdiction) is a line of plain text, as no metadata format has errors.
 */
final class CatalogueFamily implements Family {
  static final String DCAT = "/data.json";
  static final String PACKAGE = "/data/datapackage.json";

  @Override
  public boolean owns(String path) {
    return path.equals(DCAT) || path.equals(PACKAGE);
  }

  @Override
  public Answer error(Exchange x, Failure failure) {
    return Answer.text(failure.status(), failure.getMessage() + "\n");
  }

  @Override
  public void decorate(Exchange x, Answer answer, HttpFields.Mutable headers) {
    headers.put("Access-Control-Allow-Origin", "*");
    headers.put("X-Content-Type-Options", "nosniff");
  }

  @Override
  public String cacheControl() {
    return "public, max-age=60";
  }
}
