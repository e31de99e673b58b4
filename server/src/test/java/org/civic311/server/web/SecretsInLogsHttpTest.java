package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.Http;
import org.civic311.server.testing.LogLines;
import org.civic311.server.testing.RunningServer;
import org.civic311.server.testing.StaffAccounts;
import org.civic311.server.testing.StaffClient;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Drives the server with every kind of secret a call can carry (API keys in the query and the
 * body, passwords, the session cookie, the CSRF token, a newly issued key, a token in a path),
 * then reads every line it logged, log context and exceptions included: none may hold one.
 */
class SecretsInLogsHttpTest {
  static final String API = Http.API;
  private static final Pattern ISSUED = Pattern.compile("<code id=\"issued-key\">([^<]+)</code>");

  @RegisterExtension
  static final RunningServer server = new RunningServer(TestConfig.city());

  @Test
  void noLogLineHoldsASecret() throws Exception {
    StaffAccounts.create(server.fixture(), "secrets-admin", "administrator");
    List<String> secrets = new ArrayList<>();
    Http http = server.http();
    try (LogLines log = LogLines.attach()) {
      // API keys: good and bad, in the query and in the body, on reads and writes.
      http.postForm(API + "/requests.json?api_key=" + TestConfig.KEY, Http.form("service_code", "POT",
          "address_string", "1 Secret St"));
      http.postForm(API + "/requests.json", Http.form("api_key", TestConfig.KEY, "service_code", "POT",
          "address_string", "2 Secret St"));
      String wrongKey = "wrong-key-7c1e9a";
      http.postForm(API + "/requests.json?api_key=" + wrongKey, Http.form("service_code", "POT"));
      http.postForm(API + "/requests.json", Http.form("api_key", wrongKey + "-body", "service_code", "NOPE"));
      http.send(HttpRequest.newBuilder(http.uri(API + "/requests.json?api_key=" + TestConfig.KEY
          + "&password=query-pass-4410&token=query-token-9921&key=bare-key-5531")).GET());
      secrets.addAll(List.of(TestConfig.KEY, wrongKey, "query-pass-4410", "query-token-9921", "bare-key-5531"));

      // A staff sign-in, refused and then accepted; the session and CSRF token then in use.
      StaffClient.anonymous(http).postRaw("/staff/login", Http.form("username", "secrets-admin",
          "password", "not-the-password-3381", "next", "/staff/"));
      StaffClient admin = StaffClient.signIn(http, "secrets-admin", StaffAccounts.PASSWORD);
      secrets.addAll(List.of("not-the-password-3381", StaffAccounts.PASSWORD));
      String session = admin.cookie().substring(admin.cookie().indexOf('=') + 1);
      secrets.add(session);
      secrets.add(admin.csrf());
      Answer issued = admin.post("/staff/keys", "label", "Secret app", "jurisdiction", TestConfig.CITY);
      Matcher m = ISSUED.matcher(issued.text());
      assertThat(m.find()).as("a key was issued: %s", issued.text()).isTrue();
      secrets.add(m.group(1));
      admin.get("/staff/keys?_csrf=" + admin.csrf() + "&session=" + session);
      // A CSRF token that is wrong, and a call with the session but from another site.
      admin.postRaw("/staff/keys", Http.form("_csrf", "forged-csrf-6120", "label", "x"));
      secrets.add("forged-csrf-6120");

      // A secret in the path, and one in the path of a write.
      http.send(HttpRequest.newBuilder(http.uri("/unsubscribe/path-token-0a1b2c3d4e")).GET());
      http.send(HttpRequest.newBuilder(http.uri("/unsubscribe/path-token-5f6a7b8c9d"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("confirm=yes")));
      secrets.addAll(List.of("path-token-0a1b2c3d4e", "path-token-5f6a7b8c9d"));

      List<String> lines = log.settle().lines();
      assertThat(lines).as("the calls were logged").anySatisfy(l -> assertThat(l).contains("POST /staff/login"));
      assertThat(lines).anySatisfy(l -> assertThat(l).contains("/unsubscribe/{token}"));
      assertThat(lines).hasSizeGreaterThan(12);
      for (String secret : secrets) {
        assertThat(secret).hasSizeGreaterThan(6);
        assertThat(lines).as("lines holding %s", secret).noneMatch(l -> l.contains(secret));
      }
    }
  }
}
