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
    if (open(x.path())) {
      return null;
    }
    Optional<Sessions.Session> session = cookie(x).flatMap(services.sessions()::find);
    session.ifPresent(x::signedIn);
    boolean post = x.method().equals("POST");
    if (post && PageSecurity.crossSite(x.request())) {
      throw new Failure(403, "Forms may only be sent from this site.");
    }
    if (x.path().equals(StaffPages.ROOT + "/login") || session.isPresent()) {
      return null;
    }
    if (post) {
      throw new Failure(401, "Sign in first.");
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
      throw new Failure(403, "This form has expired or did not come from this site. Go back, reload and"
          + " send it again.");
    }
  }

  @Override
  public Answer error(Exchange x, Failure failure) {
    int status = failure.status();
    String message = status == 503 ? "The database is unavailable. Try again in a moment."
        : status >= 500 ? "Something went wrong on our side; it has been logged."
        : status == 404 && x.route() == null ? "There is no such page."
        : status == 429 ? "Too many sign-in attempts from your address. Wait a few minutes and try again."
        : failure.getMessage();
    return Answer.html(status, templates.render("error", new StaffPages.ErrorView(
        new Frame(titleOf(status), null, null, "", null, null), status, message)));
  }

  private static String titleOf(int status) {
    return switch (status) {
      case 400 -> "Check the form";
      case 401 -> "Sign in first";
      case 403 -> "Not allowed";
      case 404 -> "Not found";
      case 413 -> "Too large";
      case 429 -> "Too many attempts";
      case 503 -> "Unavailable";
      default -> "Error";
    };
  }

  @Override
  public void decorate(Exchange x, Answer answer, HttpFields.Mutable headers) {
    security.decorate(headers, cacheControl());
  }

  @Override
  public String cacheControl() {
    return "no-store";
  }
}
