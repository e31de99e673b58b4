package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.server.testing.Http.form;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.Http;
import org.civic311.server.testing.RunningServer;
import org.civic311.server.testing.StaffAccounts;
import org.civic311.server.testing.StaffClient;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** API keys issued and revoked in the back office, judged by what POST requests then accepts. */
class StaffKeysHttpTest {
  static final String API = Http.API;
  static final String CITY = TestConfig.CITY;
  static final String TOWN = "town.example.org";
  @RegisterExtension
  static final RunningServer server = new RunningServer(TestConfig.city()
      .jurisdiction(TOWN, "Europe/London", "town-key-0001"));
  static final Pattern ISSUED = Pattern.compile("<code id=\"issued-key\">([^<]+)</code>");
  static StaffClient admin;

  @BeforeAll
  static void accounts() {
    StaffAccounts.create(server.fixture(), "keys-admin", "administrator");
    StaffAccounts.create(server.fixture(), "keys-agent", "agent", CITY + ":Highways");
    StaffAccounts.create(server.fixture(), "keys-viewer", "viewer");
    admin = StaffClient.signIn(server.http(), "keys-admin", StaffAccounts.PASSWORD);
  }

  /** A key issued on the keys page, with the id of its row. */
  record Issued(String key, long id) {}

  static Issued issue(String label, String jurisdiction) {
    Answer a = admin.post("/staff/keys", "label", label, "jurisdiction", jurisdiction);
    assertThat(a.status()).as(a.text()).isEqualTo(201);
    Matcher m = ISSUED.matcher(a.text());
    assertThat(m.find()).as(a.text()).isTrue();
    String key = m.group(1);
    assertThat(m.find()).as("the key is shown once on the page").isFalse();
    assertThat(a.text()).contains("<strong>" + label + "</strong>");
    return new Issued(key, rowId(admin.get("/staff/keys").text(), label));
  }

  static long rowId(String page, String label) {
    Matcher m = Pattern.compile("<tr id=\"key-(\\d+)\">\\s*<td><code>[^<]*</code></td><td>" + Pattern.quote(label)
        + "</td>").matcher(page);
    assertThat(m.find()).as("a row for %s in %s", label, page).isTrue();
    return Long.parseLong(m.group(1));
  }

  /** The cells of one key's row: prefix, label, jurisdiction, source, created, last used, requests, state. */
  static List<String> row(String page, long id) {
    int start = page.indexOf("<tr id=\"key-" + id + "\">");
    assertThat(start).as("row of key %d", id).isGreaterThanOrEqualTo(0);
    String tr = page.substring(start, page.indexOf("</tr>", start));
    Matcher m = Pattern.compile("<td>(.*?)</td>", Pattern.DOTALL).matcher(tr);
    List<String> cells = new java.util.ArrayList<>();
    while (m.find()) {
      cells.add(m.group(1).strip());
    }
    return cells;
  }

  static Answer postWith(String key, String jurisdiction) {
    return server.http().postForm(API + "/requests.json", form("jurisdiction_id", jurisdiction, "api_key", key,
        "service_code", "POT", "lat", "40.0", "long", "-74.0", "description", "posted with an issued key"));
  }

  @Test
  void anIssuedKeyPostsIsCountedAndStopsWorkingWhenRevoked() {
    Issued issued = issue("Pothole app", CITY);
    assertThat(issued.key()).startsWith("c311_").hasSizeGreaterThan(30);

    String fresh = admin.get("/staff/keys").text();
    assertThat(fresh).as("the key is never shown again").doesNotContain(issued.key());
    List<String> before = row(fresh, issued.id());
    assertThat(before.get(0)).isEqualTo("<code>" + issued.key().substring(0, 8) + "…</code>");
    assertThat(before.get(2)).isEqualTo(CITY);
    assertThat(before.get(3)).as("issued in the back office").isEqualTo("staff");
    assertThat(before.get(5)).as("never used").isEmpty();
    assertThat(before.get(6)).isEqualTo("0");

    Answer posted = postWith(issued.key(), CITY);
    assertThat(posted.status()).as(posted.text()).isEqualTo(200);
    String id = posted.json().get(0).get("service_request_id").asText();
    assertThat(server.http().get(API + "/requests/" + id + ".json?jurisdiction_id=" + CITY).status()).isEqualTo(200);

    String used = admin.get("/staff/keys").text();
    assertThat(used).doesNotContain(issued.key());
    List<String> after = row(used, issued.id());
    assertThat(after.get(6)).as("requests posted").isEqualTo("1");
    assertThat(after.get(5)).as("in the key's jurisdiction's zone, with its abbreviation").matches(".* E[SD]T");
    LocalDateTime lastUsed = LocalDateTime.parse(after.get(5).substring(0, 16),
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    assertThat(Duration.between(lastUsed, LocalDateTime.now(java.time.ZoneId.of("America/New_York"))).abs())
        .as("last used is about now: %s", after.get(5)).isLessThan(Duration.ofMinutes(2));
    assertThat(after.get(7)).contains("href=\"/staff/keys/" + issued.id() + "/revoke\"");
    String asked = admin.get("/staff/keys/" + issued.id() + "/revoke").text();
    assertThat(asked).as("revoking asks first and says what it does").contains("stops it at once")
        .contains("action=\"/staff/keys/" + issued.id() + "/revoke\"");

    Answer revoke = admin.post("/staff/keys/" + issued.id() + "/revoke");
    assertThat(revoke.status()).isEqualTo(303);
    assertThat(revoke.headers().firstValue("Location")).hasValue("/staff/keys?done=revoked");
    // The key was cached by the POST above; revoking clears the cache on this node at once.
    Answer refused = postWith(issued.key(), CITY);
    assertThat(refused.status()).as(refused.text()).isEqualTo(403);
    assertThat(refused.json().get(0).get("description").asText()).contains("api_key");

    String revoked = admin.get("/staff/keys").text();
    assertThat(revoked).doesNotContain(issued.key());
    List<String> state = row(revoked, issued.id());
    assertThat(state.get(7)).startsWith("revoked ").doesNotContain("/revoke");
    assertThat(state.get(6)).as("the count stays").isEqualTo("1");

    Answer again = admin.post("/staff/keys/" + issued.id() + "/revoke");
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.text()).contains("is already revoked.");
    assertThat(postWith(TestConfig.KEY, CITY).status()).as("other keys still work").isEqualTo(200);
  }

  @Test
  void aKeyPostsOnlyToTheJurisdictionItWasIssuedFor() {
    Issued town = issue("Town app", TOWN);
    assertThat(postWith(town.key(), CITY).status()).isEqualTo(403);
    Answer ok = postWith(town.key(), TOWN);
    assertThat(ok.status()).as(ok.text()).isEqualTo(200);
    List<String> cells = row(admin.get("/staff/keys").text(), town.id());
    assertThat(cells.get(2)).isEqualTo(TOWN);
    assertThat(cells.get(6)).isEqualTo("1");
  }

  @Test
  void aBlankLabelOrUnknownJurisdictionIsRefusedWithAMessage() {
    Answer blank = admin.post("/staff/keys", "label", "   ", "jurisdiction", CITY);
    assertThat(blank.status()).isEqualTo(400);
    assertThat(blank.text()).contains("<span class=\"field-error\" id=\"error-label\" role=\"alert\">"
        + "Name the application the key is for (at most 100 characters).</span>");
    assertThat(blank.text()).doesNotContain("id=\"issued-key\"");

    Answer tooLong = admin.post("/staff/keys", "label", "x".repeat(101), "jurisdiction", CITY);
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.text()).contains("id=\"error-label\"");

    Answer nowhere = admin.post("/staff/keys", "label", "Lost app", "jurisdiction", "nowhere.example.org");
    assertThat(nowhere.status()).isEqualTo(400);
    assertThat(nowhere.text()).contains("<span class=\"field-error\" id=\"error-jurisdiction\" role=\"alert\">"
        + "Choose a jurisdiction.</span>");
    assertThat(nowhere.text()).as("what was typed is kept").contains("value=\"Lost app\"");
    assertThat(admin.get("/staff/keys").text()).doesNotContain("Lost app");
  }

  @Test
  void agentsAndViewersCannotSeeIssueOrRevokeKeys() {
    Issued issued = issue("Guarded app", CITY);
    for (String who : List.of("keys-agent", "keys-viewer")) {
      StaffClient c = StaffClient.signIn(server.http(), who, StaffAccounts.PASSWORD);
      Answer page = c.get("/staff/keys");
      assertThat(page.status()).as(who).isEqualTo(403);
      assertThat(page.text()).doesNotContain("Guarded app");
      assertThat(c.post("/staff/keys", "label", "Sneaky " + who, "jurisdiction", CITY).status()).as(who)
          .isEqualTo(403);
      assertThat(c.post("/staff/keys/" + issued.id() + "/revoke").status()).as(who).isEqualTo(403);
    }
    String page = admin.get("/staff/keys").text();
    assertThat(page).doesNotContain("Sneaky");
    assertThat(row(page, issued.id()).get(7)).as("not revoked").contains("/revoke");
    assertThat(postWith(issued.key(), CITY).status()).isEqualTo(200);
  }
}
