package org.civic311.server.web.opendata;

import java.util.List;
import org.civic311.georeport.DocumentWriter;
import org.civic311.georeport.Documents;
import org.civic311.georeport.Format;
import org.civic311.georeport.GeoReportError;
import org.civic311.server.web.Answer;
import org.civic311.server.web.Exchange;
import org.civic311.server.web.Failure;
import org.civic311.server.web.Family;
import org.eclipse.jetty.http.HttpFields;

/**
 * The catalogue's metadata documents as a family: harvesters on any site may read them, and a
 * failure (an unknown jurisdiction) is a GeoReport error list in JSON, as the API and the
 * downloads answer the same mistake.
 */
final class CatalogueFamily implements Family {
  private static final DocumentWriter WRITER = new DocumentWriter();
  static final String DCAT = "/data.json";
  static final String PACKAGE = "/data/datapackage.json";

  @Override
  public boolean owns(String path) {
    return path.equals(DCAT) || path.equals(PACKAGE);
  }

  @Override
  public Answer error(Exchange x, Failure failure) {
    List<GeoReportError> errors = failure.messages().stream()
        .map(m -> new GeoReportError(failure.status(), m)).toList();
    return Answer.of(failure.status(), Format.JSON.contentType(), WRITER.write(Documents.errors(errors),
        Format.JSON));
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
