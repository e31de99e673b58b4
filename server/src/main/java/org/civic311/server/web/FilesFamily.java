package org.civic311.server.web;

import org.eclipse.jetty.http.HttpFields;

/** Files served as they are (photos, the favicon, robots.txt): plain-text errors, no page around them. */
final class FilesFamily implements Family {
  @Override
  public boolean owns(String path) {
    return path.startsWith(Uploads.PATH);
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
    return "public, max-age=86400";
  }
}
