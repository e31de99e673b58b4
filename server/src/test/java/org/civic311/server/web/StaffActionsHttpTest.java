package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.server.testing.Http.form;

import com.fasterxml.jackson.databind.JsonNode;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.Http;
import org.civic311.server.testing.RunningServer;
import org.civic311.server.testing.StaffAccounts;
import org.civic311.server.testing.StaffClient;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each staff action on a request, seen from the open GeoReport API and from the pages. */
class StaffActionsHttpTest {
  @RegisterExtension
  static final RunningServer server = new RunningServer(TestConfig.city());
  static final String J = TestConfig.CITY;
  static final String API = Http.API;
  static StaffClient staff;

  @BeforeAll
  static void signIn() {
    StaffAccounts.create(server.fixture(), "worker", "administrator");
    staff = StaffClient.signIn(server.http(), "worker", StaffAccounts.PASSWORD);
  }

  static long post(String description, String address) {
    Answer a = server.http().postForm(API + "/requests.json", form("api_key", TestConfig.KEY, "service_code", "POT",
        "lat", "40.0", "long", "-74.0", "description", description, "address_string", address, "email",
        "reporter@example.org", "first_name", "Rita"));
    assertThat(a.status()).as(a.text()).isEqualTo(200);
    return a.json().get(0).get("service_request_id").asLong();
  }

  static String page(long id) {
    return "/staff/requests/" + J + "/" + id;
  }

  static Answer act(long id, String action, String... pairs) {
    return staff.post(page(id) + "/" + action, pairs);
  }

  static JsonNode api(long id) {
    Answer a = server.http().get(API + "/requests/" + id + ".json?extensions=true");
    assertThat(a.status()).as(a.text()).isEqualTo(200);
    return a.json().get(0);
  }

  @Test
  void aPublicUpdateClosesTheRequestAndJoinsTheHistory() {
    long id = post("Deep pothole", "1 Main St");
    Answer a = act(id, "update", "status", "fixed", "note", "Filled this morning.");
    assertThat(a.status()).as(a.text()).isEqualTo(303);
    assertThat(a.headers().firstValue("Location").orElseThrow()).endsWith(page(id) + "?done=updated");
    JsonNode r = api(id);
    assertThat(r.get("status").asText()).isEqualTo("closed");
    assertThat(r.get("status_notes").asText()).isEqualTo("Filled this morning.");
    assertThat(r.get("extended_attributes").get("detailed_status").asText()).isEqualTo("PROCESSED");
    assertThat(r.get("extended_attributes").get("extended_status").asText()).isEqualTo("fixed");
    JsonNode notes = r.get("notes");
    assertThat(notes).hasSize(1);
    assertThat(notes.get(0).get("status").asText()).isEqualTo("fixed");
    assertThat(notes.get(0).get("description").asText()).isEqualTo("Filled this morning.");
    JsonNode updates = server.http().get(API + "/servicerequestupdates.json?service_request_id=" + id).json();
    assertThat(updates).hasSize(1);
    assertThat(staff.get(page(id) + "?done=updated").text()).contains("Filled this morning.")
        .contains("The public update is saved.");
  }

  @Test
  void aStrayControlCharacterInAStaffNoteIsDropped() {
    long id = post("Loose slab", "3 Main St");
    assertThat(act(id, "update", "status", "unchanged", "note", "Slab\u0007 fixed\u0000.").status()).isEqualTo(303);
    assertThat(api(id).get("status_notes").asText()).isEqualTo("Slab fixed.");
  }

  @Test
  void aNoteAloneKeepsTheStatusAndAnEmptyUpdateIsExplained() {
    long id = post("Crack", "2 Main St");
    assertThat(act(id, "update", "status", "unchanged", "note", "Crew booked.").status()).isEqualTo(303);
    JsonNode r = api(id);
    assertThat(r.get("status").asText()).isEqualTo("open");
    assertThat(r.get("status_notes").asText()).isEqualTo("Crew booked.");
    Answer empty = act(id, "update", "status", "unchanged", "note", "  ");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.text()).contains("id=\"error-note\"").contains("Write a note, or choose a new status.");
    Answer bad = act(id, "update", "status", "melted", "note", "x");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.text()).contains("id=\"error-status\"");
  }

  @Test
  void internalNotesNeverReachThePublic() {
    long id = post("Sunken cover", "3 Main St");
    assertThat(act(id, "note", "body", "Reporter is the councillor's neighbour").status()).isEqualTo(303);
    assertThat(staff.get(page(id)).text()).contains("Reporter is the councillor");
    for (String path : new String[] {API + "/requests/" + id + ".json?extensions=true",
        API + "/requests/" + id + ".xml?extensions=true", API + "/servicerequestupdates.json?service_request_id=" + id,
        API + "/requests.json?extensions=true&q=Sunken"}) {
      assertThat(server.http().get(path).text()).as(path).doesNotContain("councillor");
    }
    assertThat(act(id, "note", "body", "").text()).contains("id=\"error-body\"");
  }

  @Test
  void assigningAndSettingTheExpectedTimeShowInTheApi() {
    long id = post("Wobbly grate", "4 Main St");
    assertThat(act(id, "assign", "agency", "Water Department").status()).isEqualTo(303);
    assertThat(act(id, "expected", "expected", "2030-05-01T09:30").status()).isEqualTo(303);
    JsonNode r = api(id);
    assertThat(r.get("agency_responsible").asText()).isEqualTo("Water Department");
    // The test jurisdiction is in America/New_York: EDT in May.
    assertThat(r.get("expected_datetime").asText()).isEqualTo("2030-05-01T09:30:00-04:00");
    Answer bad = act(id, "expected", "expected", "next tuesday");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.text()).contains("id=\"error-expected\"").contains("2026-12-01T09:00");
    assertThat(act(id, "expected", "expected", "").status()).isEqualTo(303);
    assertThat(api(id).has("expected_datetime") && !api(id).get("expected_datetime").isNull()
        && !api(id).get("expected_datetime").asText().isEmpty()).isFalse();
  }

  @Test
  void recategorisingChangesTheServiceOnlyToACurrentOne() {
    long id = post("Light out", "5 Main St");
    assertThat(act(id, "service", "service_code", "LAMP").status()).isEqualTo(303);
    JsonNode r = api(id);
    assertThat(r.get("service_code").asText()).isEqualTo("LAMP");
    assertThat(r.get("service_name").asText()).isEqualTo("Street light out");
    Answer bad = act(id, "service", "service_code", "NOPE");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.text()).contains("id=\"error-service_code\"");
  }

  @Test
  void markingADuplicateLinksBothWaysAndClosesIt() {
    long original = post("Big hole", "6 Main St");
    long copy = post("Same big hole", "6 Main St");
    Answer a = act(copy, "duplicate", "original", Long.toString(original), "note", "Thanks for telling us.");
    assertThat(a.status()).as(a.text()).isEqualTo(303);
    JsonNode r = api(copy);
    assertThat(r.get("status").asText()).isEqualTo("closed");
    assertThat(r.get("extended_attributes").get("duplicate").asText()).isEqualTo(Long.toString(original));
    assertThat(api(original).get("extended_attributes").get("duplicates").get(0).asText())
        .isEqualTo(Long.toString(copy));
    assertThat(r.get("status_notes").asText()).isEqualTo("Duplicate of request " + original
        + ". Thanks for telling us.");
    assertThat(staff.get(page(original)).text()).contains("id=\"duplicates\"").contains("#" + copy);
    assertThat(act(copy, "duplicate", "original", Long.toString(copy)).text()).contains("cannot duplicate itself");
    assertThat(act(copy, "duplicate", "original", "999999999").status()).isEqualTo(400);
    assertThat(act(original, "duplicate", "original", Long.toString(copy)).text())
        .contains("already a duplicate of this one");
  }

  @Test
  void hidingTakesARequestOutOfEveryPublicAnswerUntilShownAgain() {
    long id = post("Rude words sprayed", "7 Main St");
    assertThat(act(id, "hide", "reason", "").status()).isEqualTo(400);
    assertThat(act(id, "hide", "reason", "Offensive text").status()).isEqualTo(303);
    assertThat(server.http().get(API + "/requests/" + id + ".json").status()).isEqualTo(404);
    assertThat(server.http().get(API + "/requests.json?service_request_id=" + id).json()).isEmpty();
    assertThat(server.http().get(API + "/requests.json?q=sprayed").json()).isEmpty();
    assertThat(staff.get(page(id)).text()).contains("id=\"hidden-badge\"").contains("Offensive text");
    assertThat(staff.get("/staff/?q=sprayed").text()).contains(">" + id + "</a>").contains("hidden");
    assertThat(act(id, "unhide").status()).isEqualTo(303);
    assertThat(server.http().get(API + "/requests/" + id + ".json").status()).isEqualTo(200);
  }

  @Test
  void theRequestPageShowsPrivateDetailsToStaffOnly() {
    long id = post("Loose slab", "8 Main St");
    String text = staff.get(page(id)).text();
    assertThat(text).contains("reporter@example.org").contains("Rita");
    assertThat(server.http().get(API + "/requests/" + id + ".json?extensions=true").text())
        .doesNotContain("reporter@example.org").doesNotContain("Rita");
  }

  @Test
  void markupInReportsIsShownAsText() {
    String evil = "<script>alert(1)</script> \"quoted\" & 'single' <img src=x onerror=alert(2)>";
    long id = post(evil, "<b>9</b> \"Main\" St");
    for (String path : new String[] {page(id), "/staff/?q=quoted", "/staff/map.json?q=quoted"}) {
      String text = staff.get(path).text();
      assertThat(text).as(path).doesNotContain("<script>alert(1)").doesNotContain("<img src=x")
          .doesNotContain("<b>9</b>");
    }
    assertThat(staff.get(page(id)).text()).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("\"quoted\" &amp; 'single'").contains("&lt;b&gt;9&lt;/b&gt;");
  }

  @Test
  void everyActionIsAudited() {
    long id = post("Audit me", "10 Main St");
    act(id, "assign", "agency", "Parks");
    act(id, "note", "body", "internal");
    act(id, "update", "status", "in_progress", "note", "On it");
    String audit = staff.get("/staff/audit?target_type=request&target_id=" + id).text();
    assertThat(audit).contains("assign").contains("internal_note").contains("public_update").contains("worker");
    assertThat(audit).contains("Parks");
  }

  @Test
  void unknownRequestsAndActionsAreNotFound() {
    assertThat(staff.get("/staff/requests/" + J + "/987654321").status()).isEqualTo(404);
    assertThat(staff.get("/staff/requests/" + J + "/abc").status()).isEqualTo(404);
    long id = post("Any", "11 Main St");
    assertThat(act(id, "explode").status()).isEqualTo(404);
    assertThat(staff.post("/staff/requests/nowhere.example/" + id + "/note", "body", "x").status()).isEqualTo(404);
  }

  @Test
  void queueFiltersAreCheckedAndKeptInTheUrl() {
    Answer bad = staff.get("/staff/?from=yesterday&sort=sideways&detailed=melted");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.text()).contains("id=\"error-from\"").contains("id=\"error-sort\"").contains("id=\"error-detailed\"");
    for (int i = 0; i < 3; i++) {
      post("paging " + i, "12 Main St");
    }
    Answer first = staff.get("/staff/?q=paging&sort=oldest");
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.text()).contains("paging 0").contains("paging 2");
    assertThat(staff.get("/staff/?q=paging&status=closed").text()).contains("No requests match");
    assertThat(staff.get("/staff/?overdue=1&q=paging").text()).contains("No requests match");
  }

  @Test
  void theExpectedOrderListsRequestsWithAnExpectedTimeSoonestFirst() {
    long later = post("expected order later", "13 Main St");
    long sooner = post("expected order sooner", "13 Main St");
    long none = post("expected order none", "13 Main St");
    act(later, "expected", "expected", "2031-02-01T09:00");
    act(sooner, "expected", "expected", "2031-01-01T09:00");
    String page = staff.get("/staff/?q=expected+order&sort=expected").text();
    assertThat(page).contains(">" + sooner + "</a>").contains(">" + later + "</a>")
        .doesNotContain(">" + none + "</a>");
    assertThat(page.indexOf(">" + sooner + "</a>")).isLessThan(page.indexOf(">" + later + "</a>"));
  }
}
