package org.civic311.client;

import java.net.URI;
import java.util.List;
import org.civic311.georeport.GeoReportError;

/**
 * The server answered a call with a GeoReport error document: the HTTP status and the errors it
 * listed, the first of which gives {@link #code()} and {@link #description()}.
 */
public final class GeoReportException extends ClientException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final transient List<GeoReportError> errors;

  public GeoReportException(String call, URI uri, int status, List<GeoReportError> errors) {
    super(call, uri, "HTTP " + status + ": " + describe(errors), null);
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  private static String describe(List<GeoReportError> errors) {
    if (errors.isEmpty()) {
      return "an empty error list";
    }
    StringBuilder s = new StringBuilder();
    for (GeoReportError e : errors) {
      s.append(s.length() == 0 ? "" : "; ").append(e.code()).append(' ').append(e.description());
    }
    return s.toString();
  }

  /** The HTTP status of the answer. */
  public int status() {
    return status;
  }

  /** Every error of the document, in its order; may be empty. */
  public List<GeoReportError> errors() {
    return errors;
  }

  /** The code of the first error, or the HTTP status when the list is empty. */
  public int code() {
    return errors.isEmpty() ? status : errors.get(0).code();
  }

  /** The description of the first error, or null when the list is empty. */
  public String description() {
    return errors.isEmpty() ? null : errors.get(0).description();
  }
}
