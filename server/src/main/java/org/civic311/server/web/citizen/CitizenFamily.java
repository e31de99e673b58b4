package org.civic311.server.web.citizen;

import org.civic311.server.web.Answer;
import org.civic311.server.web.Exchange;
import org.civic311.server.web.Failure;
import org.civic311.server.web.Family;
import org.civic311.server.web.PageSecurity;
import org.civic311.server.web.Templates;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * The residents' pages as a family: each call speaks the reader's language ({@code ?lang=}, the
 * cookie, then {@code Accept-Language}); a POST from another site is refused before its body is
 * read (and one past the per-address limit, by the route's {@code WriteLimiter} gate); failures are error pages in the reader's language; every
 * answer carries the pages' security headers. It also claims every path no other family does.
 */
final class CitizenFamily implements Family {
  private final CitizenServices services;
  private final Templates templates;
  private final PageSecurity security;

  CitizenFamily(CitizenServices services, Templates templates, String tileOrigin) {
    this.services = services;
    this.templates = templates;
    this.security = new PageSecurity(tileOrigin);
  }

  @Override
  public boolean readsFromReplicas() {
    return true;
  }

  @Override
  public boolean owns(String path) {
    return true;
  }

  @Override
  public Answer before(Exchange x) {
    String queryLang = x.queryParameters().all("lang").stream().findFirst().orElse("");
    x.speak(Messages.of(language(x.request(), queryLang)), Messages.LANGUAGES.contains(queryLang));
    if (x.method().equals("POST")) {
      if (PageSecurity.crossSite(x.request())) {
        throw Failure.keyed(403, "error.cross_site");
      }
    }
    return null;
  }

  @Override
  public Answer error(Exchange x, Failure failure) {
    Messages t = x.t();
    String key = failure.key() != null ? failure.key() : keyOf(failure.status());
    return Answer.html(failure.status(), templates.render("error", new CitizenPages.ErrorView(
        new Page(t.get("error.title"), t, x.path(), false, services.map()), failure.status(),
        failure.args().isEmpty() ? t.get(key) : t.get(key, failure.args().toArray()))));
  }

  private static String keyOf(int status) {
    return switch (status) {
      case 403 -> "error.cross_site";
      case 404 -> "error.not_found";
      case 405 -> "error.method";
      case 413 -> "error.too_large";
      case 429 -> "error.too_many";
      case 503 -> "error.unavailable";
      default -> status >= 500 ? "error.internal" : "error.unreadable";
    };
  }

  @Override
  public void decorate(Exchange x, Answer answer, HttpFields.Mutable headers) {
    security.decorate(headers, cacheControl());
    headers.put(HttpHeader.VARY, "Accept-Encoding, Accept-Language, Cookie");
    if (x.languageChosen()) {
      headers.add(HttpHeader.SET_COOKIE, "lang=" + x.t().language() + "; Path=/; Max-Age=31536000; SameSite=Lax");
    }
  }

  @Override
  public String cacheControl() {
    return "no-cache";
  }

  /** The language for a request: {@code ?lang=}, else the cookie, else {@code Accept-Language}. */
  public static String language(Request request, String queryLang) {
    String cookie = "";
    for (HttpCookie c : Request.getCookies(request)) {
      if (c.getName().equals("lang") && cookie.isEmpty() && Messages.LANGUAGES.contains(c.getValue())) {
        cookie = c.getValue();
      }
    }
    return Messages.choose(queryLang, cookie, request.getHeaders().get("Accept-Language"));
  }
}
