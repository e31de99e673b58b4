package org.civic311.server.web.opendata;

import java.util.List;
import org.civic311.georeport.DocumentWriter;
import org.civic311.georeport.Documents;
import org.civic311.georeport.Format;
import org.civic311.georeport.GeoReportError;
import org.civic311.server.web.Answer;
import org.civic311.server.web.Cors;
import org.civic311.server.web.Exchange;
import org.civic311.server.web.Failure;
import org.civic311.server.web.Family;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;

/**
 * The bulk downloads' family: failures as GeoReport error documents in JSON (a CSV or GeoJSON
 * client reads JSON more readily than XML, and the messages are the API's own), CORS as open as
 * the API's, and {@code no-cache} so every repeat asks, and gets a 304 while nothing changed.
 */
final class DataFamily implements Family {
  private static final DocumentWriter WRITER = new DocumentWriter();
  private final Cors cors;

  DataFamily(Cors cors) {
    this.cors = cors;
  }

  @Override
  public boolean owns(String path) {
    return path.startsWith(DownloadEndpoints.REQUESTS) || path.startsWith(DownloadEndpoints.UPDATES);
  }

  @Override
  public Answer error(Exchange x, Failure failure) {
    List<String> messages = x.route() == null && failure.status() == 404
        ? List.of("no such download: " + x.path() + " (requests come as .csv, .geojson or .ndjson, updates as .csv"
            + " or .ndjson)")
        : failure.messages();
    List<GeoReportError> errors = messages.stream().map(m -> new GeoReportError(failure.status(), m)).toList();
    return Answer.of(failure.status(), Format.JSON.contentType(), WRITER.write(Documents.errors(errors), Format.JSON));
  }

  @Override
  public void decorate(Exchange x, Answer answer, HttpFields.Mutable headers) {
    cors.decorate(x.request(), headers);
    headers.put("X-Content-Type-Options", "nosniff");
  }

  @Override
  public String cacheControl() {
    return "no-cache";
  }

  @Override
  public Answer options(Exchange x) {
    if (!cors.isPreflight(x.request())) {
      return null;
    }
    return Answer.of(204, null, new byte[0])
        .withHeader(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS.asString(), "GET, HEAD, OPTIONS")
        .withHeader(HttpHeader.ACCESS_CONTROL_MAX_AGE.asString(), "86400");
  }
}
