package org.civic311.server.web;

import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Lets browser apps on other origins read the API and, with a key, post to it. The allowed
 * origins come from {@code server.cors_origins}; {@code *} allows any, which suits open data
 * (API keys of browser apps are visible to their users anyway).
 */
final class Cors {
  private final List<String> origins;

  Cors(List<String> origins) {
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
  void decorate(Request request, Response response) {
    String allow = allowed(request);
    if (allow != null) {
      response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, allow);
      // Not on the safelist, so a browser app would not see them otherwise (see WriteLimiter).
      response.getHeaders().put(HttpHeader.ACCESS_CONTROL_EXPOSE_HEADERS,
          "Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset");
      if (!allow.equals("*")) {
        response.getHeaders().add(HttpHeader.VARY, "Origin");
      }
    }
  }

  boolean isPreflight(Request request) {
    return request.getHeaders().get(HttpHeader.ACCESS_CONTROL_REQUEST_METHOD) != null;
  }

  /** Answers a preflight: which methods and headers a cross-origin call may use. */
  void preflight(Response response, Callback callback) {
    response.setStatus(204);
    response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, OPTIONS");
    response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS, "Content-Type");
    response.getHeaders().put(HttpHeader.ACCESS_CONTROL_MAX_AGE, "86400");
    response.write(true, null, callback);
  }
}
