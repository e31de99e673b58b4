package org.civic311.server.web.citizen;

import java.util.List;
import org.civic311.georeport.Parameters;
import org.civic311.server.web.RequestBody;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Request;

/** One public page call: query and form fields, photos, the reader's language, the client's address. */
final class Call {
  private final Request request;
  private final String path;
  private final Parameters parameters;
  private final List<RequestBody.Upload> uploads;
  private final Messages t;
  private final boolean languageChosen;

  Call(Request request, String path, Parameters parameters, List<RequestBody.Upload> uploads, Messages t,
      boolean languageChosen) {
    this.request = request;
    this.path = path;
    this.parameters = parameters;
    this.uploads = uploads;
    this.t = t;
    this.languageChosen = languageChosen;
  }

  Request request() {
    return request;
  }

  String path() {
    return path;
  }

  Parameters parameters() {
    return parameters;
  }

  List<RequestBody.Upload> uploads() {
    return uploads;
  }

  Messages t() {
    return t;
  }

  /** True when {@code ?lang=} chose the language on this call (the answer then sets the cookie). */
  boolean languageChosen() {
    return languageChosen;
  }

  /** A parameter's first value, trimmed, or "" when absent. */
  String value(String name) {
    List<String> all = parameters.all(name);
    return all.isEmpty() ? "" : all.get(0).strip();
  }

  String client() {
    return Request.getRemoteAddr(request);
  }

  String cookie(String name) {
    for (HttpCookie c : Request.getCookies(request)) {
      if (c.getName().equals(name)) {
        return c.getValue();
      }
    }
    return "";
  }

  /** The language for a request: {@code ?lang=}, else the cookie, else {@code Accept-Language}. */
  static String language(Request request, String queryLang) {
    if (Messages.LANGUAGES.contains(queryLang)) {
      return queryLang;
    }
    for (HttpCookie c : Request.getCookies(request)) {
      if (c.getName().equals("lang") && Messages.LANGUAGES.contains(c.getValue())) {
        return c.getValue();
      }
    }
    return Messages.fromAcceptLanguage(request.getHeaders().get("Accept-Language"));
  }
}
