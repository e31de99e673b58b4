package org.civic311.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A staff member's browser, reduced to HTTP: keeps the session cookie, never follows redirects
 * (tests look at them), and sends the session's CSRF token with every form unless told not to.
 */
public final class StaffClient {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private final Http http;
  private String cookie;
  private String csrf;

  private StaffClient(Http http) {
    this.http = http;
  }

  /** A client without a session. */
  public static StaffClient anonymous(Http http) {
    return new StaffClient(http);
  }

  /** Signs in and reads the session's CSRF token from the queue page; fails the test if it cannot. */
  public static StaffClient signIn(Http http, String username, String password) {
    StaffClient c = new StaffClient(http);
    Answer a = c.postRaw("/staff/login", Http.form("username", username, "password", password, "next", "/staff/"));
    assertThat(a.status()).as("sign-in of %s: %s", username, a.text()).isEqualTo(303);
    assertThat(c.cookie).as("session cookie").isNotNull();
    c.refreshToken();
    return c;
  }

  /** Reads the CSRF token again from the queue page (after a new session, say). */
  public void refreshToken() {
    Answer page = get("/staff/");
    Matcher m = CSRF.matcher(page.text());
    assertThat(m.find()).as("a CSRF token on the queue page: %s", page.text()).isTrue();
    csrf = m.group(1);
  }

  public String csrf() {
    return csrf;
  }

  public String cookie() {
    return cookie;
  }

  public Answer get(String path) {
    return remember(http.send(withCookie(HttpRequest.newBuilder(http.uri(path)).GET())));
  }

  /** POSTs name-value pairs (given alternately) with the CSRF token added. */
  public Answer post(String path, String... pairs) {
    List<String> all = new ArrayList<>(List.of(pairs));
    if (csrf != null) {
      all.add("_csrf");
      all.add(csrf);
    }
    return postRaw(path, Http.form(all.toArray(String[]::new)));
  }

  /** POSTs an encoded form body exactly as given (no token added). */
  public Answer postRaw(String path, String body) {
    return postRaw(path, body, null);
  }

  /** POSTs an encoded form body with an Origin header (null for none). */
  public Answer postRaw(String path, String body, String origin) {
    HttpRequest.Builder b = HttpRequest.newBuilder(http.uri(path))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .header("Content-Type", "application/x-www-form-urlencoded");
    if (origin != null) {
      b.header("Origin", origin);
    }
    return remember(http.send(withCookie(b)));
  }

  private HttpRequest.Builder withCookie(HttpRequest.Builder b) {
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return b;
  }

  private Answer remember(Answer a) {
    for (String set : a.headers().allValues("Set-Cookie")) {
      String pair = set.split(";", 2)[0];
      if (pair.startsWith("civic311_staff=")) {
        cookie = pair.endsWith("=") ? null : pair;
      }
    }
    return a;
  }
}
