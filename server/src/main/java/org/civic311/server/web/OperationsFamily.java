package org.civic311.server.web;

import org.eclipse.jetty.http.HttpFields;

/**
 * What operators' programs read: the health probes and the metrics. Never cached (a probe must
 * see the state of now), plain-text errors that say no more than the status, no CORS.
 */
public final class OperationsFamily implements Family {
  @Override
  public boolean owns(String path) {
    return path.equals("/metrics") || path.equals("/health") || path.startsWith("/health/");
  }

  @Override
  public Answer error(Exchange x, Failure failure) {
    return Answer.text(failure.status(), failure.getMessage() + "\n");
  }

  @Override
  public void decorate(Exchange x, Answer answer, HttpFields.Mutable headers) {
    headers.put("X-Content-Type-Options", "nosniff");
  }

  @Override
  public String cacheControl() {
    return "no-store";
  }
}
