package org.civic311.server.web;

import java.nio.ByteBuffer;
import org.civic311.georeport.Documents;
import org.civic311.georeport.DocumentWriter;
import org.civic311.georeport.Format;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own errors (no handler matched, a malformed request line, headers too large, ...) as
 * GeoReport error documents instead of HTML pages. The message never carries a stack trace.
 */
public final class GeoReportErrorHandler extends ErrorHandler {
  private static final DocumentWriter WRITER = new DocumentWriter();

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus() >= 400 ? response.getStatus() : 404;
    Object attribute = request.getAttribute(ERROR_STATUS);
    if (attribute instanceof Integer s) {
      status = s;
    }
    String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
    Format format = path == null ? Format.XML : ApiFamily.errorFormat(path);
    String message = status == 404
        ? "no such resource: " + path + " (the API lives under its base path, such as /open311/v2/discovery.xml)"
        : describe(status);
    Answer a = Reply.error(status, format, message);
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, a.contentType());
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.write(true, ByteBuffer.wrap(a.body()), callback);
    return true;
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, Format.XML.contentType());
    return ByteBuffer.wrap(WRITER.write(Documents.error(status, describe(status)), Format.XML));
  }

  private static String describe(int status) {
    String reason = HttpStatus.getMessage(status);
    return "the request could not be handled: " + status + " " + reason;
  }
}
