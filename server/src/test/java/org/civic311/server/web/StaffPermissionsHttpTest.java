package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.server.testing.Http.form;

import java.util.List;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.Http;
import org.civic311.server.testing.RunningServer;
import org.civic311.server.testing.StaffAccounts;
import org.civic311.server.testing.StaffClient;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Who may do what in the back office: anonymous callers, viewers, agents, administrators; CSRF; sign-in. */
class StaffPermissionsHttpTest {
  @RegisterExtension
  static final RunningServer server = new RunningServer(TestConfig.city());
  static final String J = TestConfig.CITY;
  static long highways;
  static long waste;

  @BeforeAll
  static void accountsAndRequests() {
    StaffAccounts.create(server.fixture(), "admin1", "administrator");
    StaffAccounts.create(server.fixture(), "agent1", "agent", J + ":Highways");
    StaffAccounts.create(server.fixture(), "viewer1", "viewer");
    StaffAccounts.create(server.fixture(), "locked1", "viewer");
    highways = post("POT");
    waste = post("BULK");
  }

  static long post(String service) {
    Answer a = server.http().postForm(Http.API + "/requests.json", form("api_key", TestConfig.KEY, "service_code",
        service, "lat", "40.0", "long", "-74.0", "description", "perm test " + service));
    assertThat(a.status()).as(a.text()).isEqualTo(200);
    return a.json().get(0).has("service_request_id") ? a.json().get(0).get("service_request_id").asLong()
        : server.http().get(Http.API + "/tokens/" + a.json().get(0).get("token").asText() + ".json").json().get(0)
            .get("service_request_id").asLong();
  }

  static String request(long id) {
    return "/staff/requests/" + J + "/" + id;
  }

  static final List<String> PAGES = List.of("/staff/", "/staff/map.json", "/staff/keys", "/staff/audit",
      "/staff/users", "/staff/catalogue", "/staff/catalogue/" + J + "/new", "/staff/catalogue/" + J + "/services/POT");

  @Test
  void anonymousCallersAreSentToSignInAndTheirPostsRefused() {
    StaffClient anon = StaffClient.anonymous(server.http());
    for (String page : PAGES) {
      Answer a = anon.get(page);
      assertThat(a.status()).as(page).isEqualTo(303);
      assertThat(a.headers().firstValue("Location").orElse("")).as(page).startsWith("/staff/login?next=");
      assertThat(a.text()).as(page).isEmpty();
    }
    assertThat(anon.get(request(highways)).status()).isEqualTo(303);
    for (String action : List.of("update", "note", "assign", "expected", "service", "duplicate", "hide", "unhide")) {
      Answer a = anon.postRaw(request(highways) + "/" + action, form("status", "fixed", "note", "x"));
      assertThat(a.status()).as(action).isEqualTo(401);
    }
    assertThat(anon.postRaw("/staff/keys", form("label", "x", "jurisdiction", J)).status()).isEqualTo(401);
    assertThat(anon.postRaw("/staff/users", form("username", "evil", "password", "0123456789ab", "role",
        "administrator")).status()).isEqualTo(401);
  }

  @Test
  void theSignInPageIsPublicAndStaticFilesNeedNoSession() {
    StaffClient anon = StaffClient.anonymous(server.http());
    assertThat(anon.get("/staff/login").status()).isEqualTo(200);
    Answer css = anon.get("/staff/assets/staff.css");
    assertThat(css.status()).isEqualTo(200);
    assertThat(css.contentType()).startsWith("text/css");
    assertThat(anon.get("/staff/assets/leaflet/leaflet.js").status()).isEqualTo(200);
    assertThat(anon.get("/staff/assets/../../etc/passwd").status()).isEqualTo(404);
    assertThat(anon.get("/staff/assets/nothing.js").status()).isEqualTo(404);
  }

  @Test
  void administratorsReachEveryPage() {
    StaffClient admin = StaffClient.signIn(server.http(), "admin1", StaffAccounts.PASSWORD);
    for (String page : PAGES) {
      assertThat(admin.get(page).status()).as(page).isEqualTo(200);
    }
    assertThat(admin.get(request(waste)).text()).contains("id=\"update-form\"");
  }

  @Test
  void viewersReadRequestsButChangeNothing() {
    StaffClient viewer = StaffClient.signIn(server.http(), "viewer1", StaffAccounts.PASSWORD);
    assertThat(viewer.get("/staff/").status()).isEqualTo(200);
    Answer page = viewer.get(request(highways));
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.text()).doesNotContain("id=\"update-form\"").contains("You can read this request");
    for (String admin : List.of("/staff/keys", "/staff/audit", "/staff/users", "/staff/catalogue")) {
      assertThat(viewer.get(admin).status()).as(admin).isEqualTo(403);
    }
    Answer act = viewer.post(request(highways) + "/update", "status", "fixed", "note", "viewer tries");
    assertThat(act.status()).isEqualTo(403);
    assertThat(server.http().get(Http.API + "/requests/" + highways + ".json").json().get(0).get("status").asText())
        .isEqualTo("open");
    assertThat(viewer.post("/staff/keys", "label", "viewer key", "jurisdiction", J).status()).isEqualTo(403);
  }

  @Test
  void agentsWorkOnlyTheirAgencysRequests() {
    StaffClient agent = StaffClient.signIn(server.http(), "agent1", StaffAccounts.PASSWORD);
    Answer own = agent.post(request(highways) + "/note", "body", "agent was here");
    assertThat(own.status()).as(own.text()).isEqualTo(303);
    Answer other = agent.post(request(waste) + "/update", "status", "fixed", "note", "not mine");
    assertThat(other.status()).isEqualTo(403);
    assertThat(agent.get(request(waste)).status()).isEqualTo(403);
    assertThat(agent.post(request(waste) + "/hide", "reason", "spam").status()).isEqualTo(403);
    // The queue shows only Highways requests to this agent.
    String queue = agent.get("/staff/?jurisdiction=" + J).text();
    assertThat(queue).contains(">" + highways + "</a>").doesNotContain(">" + waste + "</a>");
    for (String admin : List.of("/staff/keys", "/staff/audit", "/staff/users", "/staff/catalogue")) {
      assertThat(agent.get(admin).status()).as(admin).isEqualTo(403);
    }
  }

  @Test
  void aFormWithoutTheSessionsTokenIsRefused() {
    StaffClient admin = StaffClient.signIn(server.http(), "admin1", StaffAccounts.PASSWORD);
    Answer none = admin.postRaw(request(highways) + "/note", form("body", "no token"));
    assertThat(none.status()).isEqualTo(403);
    Answer wrong = admin.postRaw(request(highways) + "/note", form("body", "bad token", "_csrf", "x" + admin.csrf()));
    assertThat(wrong.status()).isEqualTo(403);
    Answer other = StaffClient.signIn(server.http(), "admin1", StaffAccounts.PASSWORD).csrf() == null ? null
        : admin.postRaw(request(highways) + "/note", form("body", "token of another session", "_csrf",
            StaffClient.signIn(server.http(), "admin1", StaffAccounts.PASSWORD).csrf()));
    assertThat(other.status()).isEqualTo(403);
    Answer crossSite = admin.postRaw(request(highways) + "/note",
        form("body", "from elsewhere", "_csrf", admin.csrf()), "https://evil.example.com");
    assertThat(crossSite.status()).isEqualTo(403);
    assertThat(admin.get(request(highways)).text()).doesNotContain("no token", "bad token", "from elsewhere");
  }

  @Test
  void theSessionCookieIsHttpOnlyAndSameSiteAndSignOutEndsIt() {
    StaffClient c = StaffClient.anonymous(server.http());
    Answer a = c.postRaw("/staff/login", form("username", "admin1", "password", StaffAccounts.PASSWORD));
    String cookie = a.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/staff")
        .doesNotContain("Secure");
    StaffClient admin = StaffClient.signIn(server.http(), "admin1", StaffAccounts.PASSWORD);
    String session = admin.cookie();
    assertThat(admin.post("/staff/logout").status()).isEqualTo(303);
    assertThat(admin.cookie()).isNull();
    Answer replay = server.http().send(java.net.http.HttpRequest.newBuilder(server.http().uri("/staff/"))
        .header("Cookie", session).GET());
    assertThat(replay.status()).as("an ended session is no longer accepted").isEqualTo(303);
  }

  @Test
  void behindTlsTheCookieIsSecure() {
    Answer a = server.http().send(java.net.http.HttpRequest.newBuilder(server.http().uri("/staff/login"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-Proto", "https")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
            form("username", "admin1", "password", StaffAccounts.PASSWORD))));
    assertThat(a.status()).isEqualTo(303);
    assertThat(a.headers().firstValue("Set-Cookie").orElseThrow()).contains("; Secure");
  }

  @Test
  void wrongPasswordsLockTheAccountForAWhile() {
    StaffClient c = StaffClient.anonymous(server.http());
    for (int i = 0; i < 5; i++) {
      Answer a = c.postRaw("/staff/login", form("username", "locked1", "password", "wrong password " + i));
      assertThat(a.status()).isEqualTo(401);
      assertThat(a.text()).contains("Wrong username or password.");
    }
    Answer right = c.postRaw("/staff/login", form("username", "locked1", "password", StaffAccounts.PASSWORD));
    assertThat(right.status()).isEqualTo(401);
    assertThat(right.text()).contains("Too many wrong passwords");
    Answer unknown = c.postRaw("/staff/login", form("username", "nobody", "password", "whatever it is"));
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(unknown.text()).contains("Wrong username or password.");
  }

  @Test
  void signInOnlyRedirectsInsideTheBackOffice() {
    StaffClient c = StaffClient.anonymous(server.http());
    Answer a = c.postRaw("/staff/login", form("username", "admin1", "password", StaffAccounts.PASSWORD, "next",
        "https://evil.example.com/"));
    assertThat(a.headers().firstValue("Location").orElseThrow()).isEqualTo("/staff/");
    Answer b = c.postRaw("/staff/login", form("username", "admin1", "password", StaffAccounts.PASSWORD, "next",
        "//evil.example.com/staff/"));
    assertThat(b.headers().firstValue("Location").orElseThrow()).isEqualTo("/staff/");
    Answer d = c.postRaw("/staff/login", form("username", "admin1", "password", StaffAccounts.PASSWORD, "next",
        "/staff/keys"));
    assertThat(d.headers().firstValue("Location").orElseThrow()).isEqualTo("/staff/keys");
  }

  @Test
  void pagesForbidFramingAndInlineScripts() {
    Answer a = StaffClient.anonymous(server.http()).get("/staff/login");
    assertThat(a.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'none'")
        .contains("script-src 'self'");
    assertThat(a.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(a.headers().firstValue("Cache-Control")).hasValue("no-store");
  }
}
