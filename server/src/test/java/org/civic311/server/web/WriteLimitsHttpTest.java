package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.server.testing.Http.form;

import java.net.http.HttpRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.Http;
import org.civic311.server.testing.ServerFixture;
import org.civic311.server.testing.StaffAccounts;
import org.civic311.server.testing.StaffClient;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.Test;

/**
 * The rate limits on writes over HTTP: per API key and per client address on the API, a key's
 * own limit set by staff, and staff sign-ins. Each test starts a server with the limit it is
 * about (the residents' form limit is in {@link CitizenPagesHttpTest}).
 */
class WriteLimitsHttpTest {
  static final String API = Http.API;

  static Answer post(ServerFixture s, String key, String format) {
    return s.http().postForm(API + "/requests." + format, form("api_key", key, "service_code", "POT",
        "address_string", "1 Limit St", "description", "counted"));
  }

  static Answer postFrom(ServerFixture s, String client, String key) {
    return s.http().send(HttpRequest.newBuilder(s.http().uri(API + "/requests.json"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", client)
        .POST(HttpRequest.BodyPublishers.ofString(form("api_key", key, "service_code", "POT", "address_string",
            "2 Limit St"))));
  }

  static String header(Answer a, String name) {
    return a.headers().firstValue(name).orElse(null);
  }

  static void assertRefused(Answer a, String limit) {
    assertThat(a.status()).as(a.text()).isEqualTo(429);
    assertThat(header(a, "RateLimit-Limit")).isEqualTo(limit);
    assertThat(header(a, "RateLimit-Remaining")).isEqualTo("0");
    assertThat(Long.parseLong(header(a, "RateLimit-Reset"))).isPositive();
    assertThat(Long.parseLong(header(a, "Retry-After"))).isBetween(1L, 60L);
  }

  static String issue(StaffClient admin, String label) {
    Answer a = admin.post("/staff/keys", "label", label, "jurisdiction", TestConfig.CITY);
    assertThat(a.status()).as(a.text()).isEqualTo(201);
    Matcher m = Pattern.compile("<code id=\"issued-key\">([^<]+)</code>").matcher(a.text());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  static long rowOf(StaffClient admin, String label) {
    Matcher m = Pattern.compile("<tr id=\"key-(\\d+)\">\\s*<td><code>[^<]*</code></td><td>" + Pattern.quote(label)
        + "</td>").matcher(admin.get("/staff/keys").text());
    assertThat(m.find()).as("a row for %s", label).isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void aFloodFromOneKeyIs429WithRetryAfterAndRateLimitHeadersWhileAnotherKeyStillPosts() throws Exception {
    try (ServerFixture s = ServerFixture.start(TestConfig.city().apiLimits(1, 3, 1_000, 1_000))) {
      StaffAccounts.create(s, "limits-admin", "administrator");
      String other = issue(StaffClient.signIn(s.http(), "limits-admin", StaffAccounts.PASSWORD), "Other app");
      for (int i = 0; i < 3; i++) {
        Answer ok = post(s, TestConfig.KEY, "json");
        assertThat(ok.status()).as(ok.text()).isEqualTo(200);
        assertThat(header(ok, "RateLimit-Limit")).as("the key's, being the tighter").isEqualTo("3");
        assertThat(header(ok, "RateLimit-Remaining")).isEqualTo(Integer.toString(2 - i));
        assertThat(Long.parseLong(header(ok, "RateLimit-Reset"))).isPositive();
        assertThat(header(ok, "Retry-After")).isNull();
      }
      Answer json = post(s, TestConfig.KEY, "json");
      assertRefused(json, "3");
      assertThat(json.contentType()).startsWith("application/json");
      assertThat(json.json().get(0).get("code").asInt()).isEqualTo(429);
      assertThat(json.json().get(0).get("description").asText()).contains("this api_key").contains("try again in");
      Answer xml = post(s, TestConfig.KEY, "xml");
      assertRefused(xml, "3");
      assertThat(xml.contentType()).startsWith("text/xml");
      assertThat(xml.text()).contains("<code>429</code>").contains("this api_key");
      Answer update = s.http().postForm(API + "/servicerequestupdates.json", form("api_key", TestConfig.KEY,
          "service_request_id", "1", "update_id", "U-1", "status", "closed", "updated_datetime",
          "2026-11-28T15:00:00Z"));
      assertRefused(update, "3");

      Answer fine = post(s, other, "json");
      assertThat(fine.status()).as("another key has its own budget: %s", fine.text()).isEqualTo(200);
      assertThat(header(fine, "RateLimit-Remaining")).isEqualTo("2");
      Answer read = s.http().get(API + "/requests.json");
      assertThat(read.status()).isEqualTo(200);
      assertThat(header(read, "RateLimit-Limit")).as("reads are not counted").isNull();
    }
  }

  @Test
  void oneAddressIsLimitedWhateverKeyItUsesAndOthersAreNot() throws Exception {
    try (ServerFixture s = ServerFixture.start(TestConfig.city().apiLimits(1_000, 1_000, 1, 2))) {
      assertThat(postFrom(s, "10.1.0.1", TestConfig.KEY).status()).isEqualTo(200);
      assertThat(postFrom(s, "10.1.0.1", TestConfig.KEY).status()).isEqualTo(200);
      Answer refused = postFrom(s, "10.1.0.1", TestConfig.KEY);
      assertRefused(refused, "2");
      assertThat(refused.json().get(0).get("description").asText()).contains("your address");
      Answer unknownKey = postFrom(s, "10.1.0.1", "not-a-key-at-all");
      assertThat(unknownKey.status()).as("guessing keys costs the address too").isEqualTo(429);
      Answer elsewhere = postFrom(s, "10.1.0.2", TestConfig.KEY);
      assertThat(elsewhere.status()).as(elsewhere.text()).isEqualTo(200);
      assertThat(header(elsewhere, "RateLimit-Remaining")).isEqualTo("1");
    }
  }

  @Test
  void aLimitStaffGiveAKeyTakesEffectIsAuditedAndCanBeTakenBack() throws Exception {
    try (ServerFixture s = ServerFixture.start(TestConfig.city().apiLimits(1, 2, 1, 3))) {
      StaffAccounts.create(s, "limits-admin", "administrator");
      StaffAccounts.create(s, "limits-agent", "agent", TestConfig.CITY);
      StaffClient admin = StaffClient.signIn(s.http(), "limits-admin", StaffAccounts.PASSWORD);
      long id = rowOf(admin, "tests");
      assertThat(admin.get("/staff/keys").text()).contains("1/min, burst 2 (default)");
      assertThat(post(s, TestConfig.KEY, "json").status()).isEqualTo(200);
      assertThat(post(s, TestConfig.KEY, "json").status()).isEqualTo(200);
      assertRefused(post(s, TestConfig.KEY, "json"), "2");

      StaffClient agent = StaffClient.signIn(s.http(), "limits-agent", StaffAccounts.PASSWORD);
      assertThat(agent.post("/staff/keys/" + id + "/limit", "per_minute", "600", "burst", "50").status())
          .as("administrators only").isEqualTo(403);
      Answer bad = admin.post("/staff/keys/" + id + "/limit", "per_minute", "lots", "burst", "50");
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.text()).contains("id=\"error-limit\"").contains("whole numbers");
      Answer set = admin.post("/staff/keys/" + id + "/limit", "per_minute", "10", "burst", "50");
      assertThat(set.status()).as(set.text()).isEqualTo(303);
      assertThat(set.headers().firstValue("Location")).hasValue("/staff/keys?done=limit");
      assertThat(admin.get("/staff/keys").text()).contains("10/min, burst 50")
          .contains("value=\"10\"").contains("value=\"50\"");

      // The address's budget (3) is spent too; a key with its own limit is held to that alone.
      for (int i = 0; i < 5; i++) {
        Answer ok = post(s, TestConfig.KEY, "json");
        assertThat(ok.status()).as(ok.text()).isEqualTo(200);
        assertThat(header(ok, "RateLimit-Limit")).isEqualTo("50");
        // A token comes back every 6 s, so a slow machine may see one more.
        assertThat(Integer.parseInt(header(ok, "RateLimit-Remaining"))).isBetween(49 - i, 50 - i);
      }
      String audit = admin.get("/staff/audit?target_type=api_key").text();
      assertThat(audit).contains("set_key_limit").contains("10/min, burst 50").contains("default");

      Answer back = admin.post("/staff/keys/" + id + "/limit", "per_minute", "", "burst", "");
      assertThat(back.status()).isEqualTo(303);
      assertThat(admin.get("/staff/keys").text()).contains("1/min, burst 2 (default)");
      assertRefused(post(s, TestConfig.KEY, "json"), "3");
    }
  }

  @Test
  void signInAttemptsAreLimitedPerAddress() throws Exception {
    try (ServerFixture s = ServerFixture.start(TestConfig.city().signInLimit(1, 3))) {
      StaffAccounts.create(s, "limits-admin", "administrator");
      for (int i = 0; i < 3; i++) {
        assertThat(signIn(s, "10.2.0.1", "nobody", "guess " + i).status()).isEqualTo(401);
      }
      Answer refused = signIn(s, "10.2.0.1", "limits-admin", StaffAccounts.PASSWORD);
      assertRefused(refused, "3");
      assertThat(refused.contentType()).startsWith("text/html");
      assertThat(refused.text()).contains("Too many sign-in attempts");
      Answer other = signIn(s, "10.2.0.2", "limits-admin", StaffAccounts.PASSWORD);
      assertThat(other.status()).isEqualTo(303);
      assertThat(header(other, "RateLimit-Remaining")).isEqualTo("2");
    }
  }

  static Answer signIn(ServerFixture s, String client, String username, String password) {
    return s.http().send(HttpRequest.newBuilder(s.http().uri("/staff/login"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", client)
        .POST(HttpRequest.BodyPublishers.ofString(form("username", username, "password", password, "next",
            "/staff/"))));
  }
}
