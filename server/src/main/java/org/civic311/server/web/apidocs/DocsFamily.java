package org.civic311.server.web.apidocs;

import org.civic311.server.web.Answer;
import org.civic311.server.web.Exchange;
import org.civic311.server.web.Failure;
import org.civic311.server.web.Family;
import org.civic311.server.web.PageSecurity;
import org.eclipse.jetty.http.HttpFields;

/**
 * The docs page and its files: plain-text errors, and the pages' security headers with a policy
 * cut to what Swagger UI needs: its scripts and styles from this server (it sets inline styles),
 * its icons as data URIs, and calls to this server only (the document, and "Try it out").
 */
final class DocsFamily implements Family {
  static final String ROOT = "/docs";
  private static final PageSecurity SECURITY = PageSecurity.withPolicy("default-src 'none'; script-src 'self';"
      + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none';"
      + " form-action 'none'; frame-ancestors 'none'");

  @Override
  public boolean owns(String path) {
    return path.equals(ROOT) || path.startsWith(ROOT + "/");
  }

  @Override
  public Answer error(Exchange x, Failure failure) {
    return Answer.text(failure.status(), failure.getMessage() + "\n");
  }

  @Override
  public void decorate(Exchange x, Answer answer, HttpFields.Mutable headers) {
    SECURITY.decorate(headers, cacheControl());
  }

  @Override
  public String cacheControl() {
    return "no-cache";
  }
}
