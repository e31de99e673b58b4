package org.civic311.server.web.staff;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.civic311.server.domain.staff.Sessions;
import org.civic311.server.web.Answer;
import org.civic311.server.web.Exchange;
import org.civic311.server.web.Failure;
import org.civic311.server.web.Family;
import org.civic311.server.web.PageSecurity;
import org.civic311.server.web.Templates;
import org.civic311.server.web.citizen.Messages;
import org.eclipse.jetty.http.HttpFields;

/**
 * The back office as a family. Before any page runs, and before any body is read: a caller
 * without a live session is sent to sign in (GET) or refused (POST), and a POST from another site
 * is refused; once the form is read, a POST must carry the session's CSRF token. Failures are
 * staff error pages; answers are never cached and may not be framed.
 */
final class StaffFamily implements Family {
  static final String COOKIE = "civic311_staff";
  private final StaffServices services;
  private final Templates templates;
  private final PageSecurity security;

  StaffFamily(StaffServices services, Templates templates, String tileOrigin) {
    this.services = services;
    this.templates = templates;
    this.security = new PageSecurity(tileOrigin);
  }

  /** The session cookie's value, if the call has one. */
  static Optional<String> cookie(Exchange x) {
    String value = x.cookie(COOKIE);
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  @Override
  public boolean owns(String path) {
    return path.equals(StaffPages.ROOT) || path.startsWith(StaffPages.ROOT + "/");
  }

  @Override
  public Answer before(Exchange x) {
    String queryLang = x.queryParameters().all("lang").stream().findFirst().orElse("");
    String cookieLang = x.cookie("lang");
    x.speak(Messages.staff(Messages.choose(queryLang, cookieLang, x.request().getHeaders().get("Accept-Language"))),
        Messages.LANGUAGES.contains(queryLang));
    if (open(x.path())) {
      return null;
    }
    Optional<Sessions.Session> session = cookie(x).flatMap(services.sessions()::find);
    session.ifPresent(x::signedIn);
    boolean post = x.method().equals("POST");
    if (post && PageSecurity.crossSite(x.request())) {
      throw Failure.keyed(403, "error.cross_site");
    }
    if (x.path().equals(StaffPages.ROOT + "/login") || session.isPresent()) {
      return null;
    }
    if (post) {
      throw Failure.keyed(401, "error.sign_in");
    }
    String query = x.request().getHttpURI().getQuery();
    String target = x.path() + (query == null ? "" : "?" + query);
    return Answer.seeOther(StaffPages.ROOT + "/login?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
  }

  private static boolean open(String path) {
    return path.startsWith(StaffPages.ROOT + "/assets/");
  }

  @Override
  public void checked(Exchange x) {
    if (x.method().equals("POST") && x.session().isPresent() && !x.path().equals(StaffPages.ROOT + "/login")
        && !Sessions.csrfMatches(x.session().get(), x.field("_csrf"))) {
      throw Failure.keyed(403, "error.csrf");
    }
  }

  @Override
  public Answer error(Exchange x, Failure failure) {
    int status = failure.status();
    Messages t = x.t();
    String message = status == 503 ? t.get("error.unavailable")
        : status >= 500 ? t.get("error.internal")
        : status == 404 && x.route() == null ? t.get("error.no_page")
        : status == 429 ? t.get("error.too_many")
        : status == 413 ? t.get("error.too_large")
        : failure.key() != null ? t.get(failure.wording())
        : failure.getMessage();
    return Answer.html(status, templates.render("error", new StaffPages.ErrorView(
        Frame.anonymous(x, t.get(titleOf(status)), "", null), status, message)));
  }

  private static String titleOf(int status) {
    return switch (status) {
      case 400 -> "error.title_400";
      case 401 -> "error.title_401";
      case 403 -> "error.title_403";
      case 404 -> "error.title_404";
      case 409 -> "error.title_409";
      case 413 -> "error.title_413";
      case 429 -> "error.title_429";
      case 503 -> "error.title_503";
      default -> "error.title";
    };
  }

  @Override
  public void decorate(Exchange x, Answer answer, HttpFields.Mutable headers) {
    security.decorate(headers, cacheControl());
    headers.put(org.eclipse.jetty.http.HttpHeader.VARY, "Accept-Language, Cookie");
    if (x.languageChosen()) {
      headers.add(org.eclipse.jetty.http.HttpHeader.SET_COOKIE, "lang=" + x.t().language()
          + "; Path=/; Max-Age=31536000; SameSite=Lax");
    }
  }

  @Override
  public String cacheControl() {
    return "no-store";
  }
}
