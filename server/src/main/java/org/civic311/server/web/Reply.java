package org.civic311.server.web;

import java.nio.ByteBuffer;
import java.util.List;
import org.civic311.georeport.Document;
import org.civic311.georeport.DocumentWriter;
import org.civic311.georeport.Documents;
import org.civic311.georeport.Format;
import org.civic311.georeport.GeoReportError;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** An encoded GeoReport answer: status, format and body bytes. */
record Reply(int status, Format format, byte[] body, String allow) {
  private static final DocumentWriter WRITER = new DocumentWriter();

  static Reply of(int status, Document document, Format format) {
    return new Reply(status, format, WRITER.write(document, format), null);
  }

  static Reply error(int status, Format format, List<String> messages) {
    List<GeoReportError> errors = messages.stream().map(m -> new GeoReportError(status, m)).toList();
    return of(status, Documents.errors(errors), format);
  }

  static Reply error(int status, Format format, String message) {
    return error(status, format, List.of(message));
  }

  /** The same reply with an {@code Allow} header, as a 405 needs. */
  Reply withAllow(String methods) {
    return new Reply(status, format, body, methods);
  }

  void send(Response response, Callback callback) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, format.contentType());
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    if (allow != null) {
      response.getHeaders().put(HttpHeader.ALLOW, allow);
    }
    if (status == 413) {
      // Whatever of the body is still in flight is not worth reading.
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
    }
    response.write(true, ByteBuffer.wrap(body), callback);
  }
}
