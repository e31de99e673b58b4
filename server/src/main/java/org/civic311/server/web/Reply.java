package org.civic311.server.web;

import java.util.List;
import org.civic311.georeport.Document;
import org.civic311.georeport.DocumentWriter;
import org.civic311.georeport.Documents;
import org.civic311.georeport.Format;
import org.civic311.georeport.GeoReportError;

/** GeoReport answers: a document or an error list, encoded in the asked format. */
final class Reply {
  private static final DocumentWriter WRITER = new DocumentWriter();

  private Reply() {}

  static Answer of(int status, Document document, Format format) {
    return Answer.of(status, format.contentType(), WRITER.write(document, format));
  }

  static Answer error(int status, Format format, List<String> messages) {
    List<GeoReportError> errors = messages.stream().map(m -> new GeoReportError(status, m)).toList();
    return of(status, Documents.errors(errors), format);
  }

  static Answer error(int status, Format format, String message) {
    return error(status, format, List.of(message));
  }
}
