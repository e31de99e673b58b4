package org.civic311.server.web.staff;

import org.civic311.server.web.Answer;
import org.civic311.server.web.Exchange;
import org.civic311.server.web.Templates;
import java.util.Optional;
import org.civic311.server.domain.staff.Accounts;
import org.civic311.server.domain.staff.Sessions;
import org.civic311.server.domain.staff.StaffMember;

/** Signing in and out. */
public final class SignInPage {
  private final StaffServices services;
  private final Templates templates;

  SignInPage(StaffServices services, Templates templates) {
    this.services = services;
    this.templates = templates;
  }

  /** The model of the sign-in page. */
  public record SignInView(Frame frame, String username, String next, String problem) {}

  Answer show(Exchange x) {
    if (x.session().isPresent()) {
      return Answer.seeOther(safeNext(x.query("next")));
    }
    // Signing out is news, not a problem: it is shown as a notice, not as a red alert.
    return page(x, 200, "", x.query("next"), null, x.query("signed_out").isEmpty() ? null : x.t().get("signin.signed_out"));
  }

  Answer submit(Exchange x) {
    String username = x.field("username");
    String next = x.field("next");
    Accounts.SignIn result = services.accounts().signIn(username, x.field("password"));
    Optional<StaffMember> member = result.member();
    services.audit().recordSignIn(username.trim().toLowerCase(java.util.Locale.ROOT), member.isPresent(),
        member.map(StaffMember::id).orElse(null), x.client());
    if (member.isEmpty()) {
      return page(x, 401, username, next, x.t().get(result.problem()));
    }
    StaffFamily.cookie(x).ifPresent(services.sessions()::end);
    Sessions.Session session = services.sessions().start(member.get());
    return Answer.seeOther(safeNext(next)).withCookie(cookie(session.cookieValue(), x.secure(),
        Sessions.LIFETIME_MILLIS / 1000));
  }

  Answer logout(Exchange x) {
    StaffFamily.cookie(x).ifPresent(services.sessions()::end);
    return Answer.seeOther(StaffPages.ROOT + "/login?signed_out=1").withCookie(cookie("", x.secure(), 0));
  }

  private Answer page(Exchange x, int status, String username, String next, String problem) {
    return page(x, status, username, next, problem, null);
  }

  private Answer page(Exchange x, int status, String username, String next, String problem, String notice) {
    return Answer.html(status, templates.render("login", new SignInView(
        Frame.anonymous(x, x.t().get("signin.title"), "login", notice), username, next, problem)));
  }

  /** Only paths inside the back office; anything else (another site, '//host') goes to the queue. */
  static String safeNext(String next) {
    if (next != null && next.startsWith(StaffPages.ROOT + "/") && !next.startsWith("//") && !next.contains("\\")
        && !next.startsWith(StaffPages.ROOT + "/login")) {
      return next;
    }
    return StaffPages.ROOT + "/";
  }

  static String cookie(String value, boolean secure, long maxAgeSeconds) {
    return StaffFamily.COOKIE + "=" + value + "; Path=" + StaffPages.ROOT + "; Max-Age=" + maxAgeSeconds
        + "; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
  }
}
