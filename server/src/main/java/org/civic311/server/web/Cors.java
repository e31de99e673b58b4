package org.civic311.server.web;

import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * Lets browser apps on other origins read the API and, with a key, post to it. The allowed
 * origins come from {@code server.cors_origins}; {@code *} allows any, which suits open data
 * (API keys of browser apps are visible to their users anyway).
 */
public final class Cors {
  private final List<String> origins;

  public Cors(List<String> origins) {
    this.origins = List.copyOf(origins);
  }

  private String allowed(Request request) {
    String origin = request.getHeaders().get(HttpHeader.ORIGIN);
    if (origin == null) {
      return null;
    }
    if (origins.contains("*")) {
      return "*";
    }
    return origins.contains(origin) ? origin : null;
  }

  /** Adds the CORS headers an allowed origin needs to read the answer. */
  public void decorate(Request request, org.eclipse.jetty.http.HttpFields.Mutable headers) {
    String allow = allowed(request);
    if (allow != null) {
      headers.put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, allow);
      // Not on the safelist, so a browser app would not see them otherwise (see WriteLimiter).
      headers.put(HttpHeader.ACCESS_CONTROL_EXPOSE_HEADERS,
          "Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, ETag, Last-Modified, Idempotent-Replayed,"
              + " Civic311-Written");
      if (!allow.equals("*")) {
        headers.add(HttpHeader.VARY, "Origin");
      }
    }
  }

  public boolean isPreflight(Request request) {
    return request.getHeaders().get(HttpHeader.ACCESS_CONTROL_REQUEST_METHOD) != null;
  }

  /**
   * The answer to a CORS preflight: which methods (and, for writes, which headers) a
   * cross-origin call may use; null when the call is no preflight.
   */
  Answer preflight(Request request, String methods, String headers) {
    if (!isPreflight(request)) {
      return null;
    }
    Answer a = Answer.of(204, null, new byte[0])
        .withHeader(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS.asString(), methods)
        .withHeader(HttpHeader.ACCESS_CONTROL_MAX_AGE.asString(), "86400");
    return headers == null ? a : a.withHeader(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS.asString(), headers);
  }
}
