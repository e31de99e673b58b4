package org.civic311.server.web;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.civic311.georeport.Document;
import org.civic311.georeport.DocumentWriter;
import org.civic311.georeport.Documents;
import org.civic311.georeport.Format;
import org.civic311.georeport.GeoReportError;
import org.civic311.georeport.RequestListWriter;
import org.civic311.georeport.ServiceRequest;

/** GeoReport answers: a document or an error list, encoded in the asked format. */
final class Reply {
  private static final DocumentWriter WRITER = new DocumentWriter();

  private Reply() {}

  static Answer of(int status, Document document, Format format) {
    return Answer.of(status, format.contentType(), WRITER.write(document, format));
  }

  /** A list of requests, written straight from the records without a document tree. */
  static Answer requests(List<ServiceRequest> requests, Format format) {
    // Most of a page is its rows: sized for them, the buffer need not grow and copy as it fills.
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 + requests.size() * 640);
    try (RequestListWriter w = RequestListWriter.open(out, format)) {
      for (ServiceRequest r : requests) {
        w.add(r);
      }
    }
    return Answer.of(200, format.contentType(), out.toByteArray());
  }

  static Answer error(int status, Format format, List<String> messages) {
    List<GeoReportError> errors = messages.stream().map(m -> new GeoReportError(status, m)).toList();
    return of(status, Documents.errors(errors), format);
  }

  static Answer error(int status, Format format, String message) {
    return error(status, format, List.of(message));
  }
}
