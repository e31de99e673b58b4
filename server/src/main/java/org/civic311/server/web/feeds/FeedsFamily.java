package org.civic311.server.web.feeds;

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
 * The feeds as a family: failures are GeoReport error documents in XML (feed readers speak XML,
 * and the filters' messages are the API's), and any site may read a feed, as any may read the API.
 */
final class FeedsFamily implements Family {
  static final String ROOT = "/feeds";
  private static final DocumentWriter WRITER = new DocumentWriter();

  @Override
  public boolean owns(String path) {
    return path.equals(ROOT) || path.startsWith(ROOT + "/");
  }

  @Override
  public Answer error(Exchange x, Failure failure) {
    List<String> messages = x.route() == null && failure.status() == 404
        ? List.of("no such feed: " + x.path() + " (feeds are /feeds/requests.atom, /feeds/requests.rss,"
            + " /feeds/requests/{id}.atom and /feeds/requests/{id}.rss)")
        : failure.messages();
    List<GeoReportError> errors = messages.stream().map(m -> new GeoReportError(failure.status(), m)).toList();
    return Answer.of(failure.status(), Format.XML.contentType(), WRITER.write(Documents.errors(errors), Format.XML));
  }

  @Override
  public void decorate(Exchange x, Answer answer, HttpFields.Mutable headers) {
    headers.put("Access-Control-Allow-Origin", "*");
    headers.put("X-Content-Type-Options", "nosniff");
  }

  @Override
  public String cacheControl() {
    // Readers poll; a minute of staleness spares the database, and the validators make the rest cheap.
    return "public, max-age=60";
  }
}
