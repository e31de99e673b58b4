package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civic311.server.testing.Http.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
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

/**
 * The audit log: every kind of staff action is recorded with who, what, before and after; it can
 * be filtered; nobody can change it, neither through the application nor in the database.
 */
class StaffAuditHttpTest {
  static final String API = Http.API;
  static final String J = TestConfig.CITY;
  static final ObjectMapper JSON = new ObjectMapper();
  @RegisterExtension
  static final RunningServer server = new RunningServer(TestConfig.city());
  static StaffClient admin;
  static StaffClient agent;
  static long request;
  static String issuedKey;

  /** One row of the audit table, unescaped. */
  record Entry(String at, String who, String action, String target, String before, String after, String client) {
    JsonNode beforeJson() {
      return parse(before);
    }

    JsonNode afterJson() {
      return parse(after);
    }

    private static JsonNode parse(String text) {
      try {
        return text.isEmpty() ? null : JSON.readTree(text);
      } catch (java.io.IOException e) {
        throw new AssertionError("not JSON: " + text, e);
      }
    }
  }

  /** Does one of each kind of action, so that every test has the same log to read. */
  @BeforeAll
  static void actions() {
    StaffAccounts.create(server.fixture(), "aud-admin", "administrator");
    StaffAccounts.create(server.fixture(), "aud-agent", "agent", J + ":Highways");
    StaffAccounts.create(server.fixture(), "aud-viewer", "viewer");

    Answer wrong = StaffClient.anonymous(server.http()).postRaw("/staff/login",
        form("username", "aud-agent", "password", "not the password", "next", "/staff/"));
    assertThat(wrong.status()).as("failed sign-in").isEqualTo(401);
    admin = StaffClient.signIn(server.http(), "aud-admin", StaffAccounts.PASSWORD);
    agent = StaffClient.signIn(server.http(), "aud-agent", StaffAccounts.PASSWORD);

    Answer posted = server.http().postForm(API + "/requests.json", form("api_key", TestConfig.KEY, "service_code",
        "POT", "lat", "40.0", "long", "-74.0", "description", "audit test"));
    request = posted.json().get(0).get("service_request_id").asLong();
    String base = "/staff/requests/" + J + "/" + request;
    assertThat(agent.post(base + "/update", "status", "in_progress", "note", "Crew on the way").status())
        .isEqualTo(303);
    assertThat(agent.post(base + "/note", "body", "Reporter phoned twice").status()).isEqualTo(303);
    assertThat(admin.post("/staff/catalogue/" + J + "/services/POT", "code", "POT", "name", "Pothole or sinkhole",
        "type", "realtime", "agency_responsible", "Highways", "attr_rows", "0").status()).isEqualTo(303);
    Answer issued = admin.post("/staff/keys", "label", "Audit app", "jurisdiction", J);
    assertThat(issued.status()).isEqualTo(201);
    Matcher m = Pattern.compile("<code id=\"issued-key\">([^<]+)</code>").matcher(issued.text());
    assertThat(m.find()).isTrue();
    issuedKey = m.group(1);
  }

  static Answer audit(String query) {
    return admin.get("/staff/audit" + (query.isEmpty() ? "" : "?" + query));
  }

  static List<Entry> entries(String query) {
    Answer a = audit(query);
    assertThat(a.status()).as(a.text()).isEqualTo(200);
    return rows(a.text());
  }

  static List<Entry> rows(String page) {
    int start = page.indexOf("<tbody>");
    String body = page.substring(start, page.indexOf("</tbody>", start));
    List<Entry> out = new ArrayList<>();
    Matcher tr = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL).matcher(body);
    while (tr.find()) {
      Matcher td = Pattern.compile("<td>(.*?)</td>", Pattern.DOTALL).matcher(tr.group(1));
      List<String> cells = new ArrayList<>();
      while (td.find()) {
        cells.add(unescape(td.group(1).replaceAll("<[^>]+>", "").strip()));
      }
      assertThat(cells).as(tr.group()).hasSize(7);
      out.add(new Entry(cells.get(0), cells.get(1), cells.get(2), cells.get(3), cells.get(4), cells.get(5),
          cells.get(6)));
    }
    return out;
  }

  static String unescape(String html) {
    return html.replace("&#34;", "\"").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
        .replace("&gt;", ">").replace("&amp;", "&");
  }

  static Entry only(List<Entry> entries, String action) {
    List<Entry> found = entries.stream().filter(e -> e.action().equals(action)).toList();
    assertThat(found).as("entries of %s in %s", action, entries).hasSize(1);
    return found.get(0);
  }

  @Test
  void everyKindOfActionIsRecordedWithWhoWhatAndTheStateBeforeAndAfter() {
    List<Entry> all = entries("");

    Entry update = only(all, "public_update");
    assertThat(update.who()).isEqualTo("aud-agent");
    assertThat(update.target()).isEqualTo("request " + request);
    assertThat(update.beforeJson().get("status").asText()).isEqualTo("open");
    assertThat(update.afterJson().get("status").asText()).isEqualTo("in_progress");
    assertThat(update.afterJson().get("note").asText()).isEqualTo("Crew on the way");
    assertThat(update.at()).as("in the jurisdiction's zone, with its abbreviation")
        .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d E[SD]T");
    assertThat(update.client()).isEqualTo("127.0.0.1");

    Entry note = only(all, "internal_note");
    assertThat(note.who()).isEqualTo("aud-agent");
    assertThat(note.target()).isEqualTo("request " + request);
    assertThat(note.before()).isEmpty();
    assertThat(note.afterJson().get("note").asText()).isEqualTo("Reporter phoned twice");

    Entry edit = only(all, "edit_service");
    assertThat(edit.who()).isEqualTo("aud-admin");
    assertThat(edit.target()).isEqualTo("service POT");
    assertThat(edit.beforeJson().get("name").asText()).isEqualTo("Pothole");
    assertThat(edit.afterJson().get("name").asText()).isEqualTo("Pothole or sinkhole");
    assertThat(edit.afterJson().get("attributes")).isEmpty();

    Entry key = only(all, "issue_key");
    assertThat(key.who()).isEqualTo("aud-admin");
    assertThat(key.target()).startsWith("api_key ");
    assertThat(key.before()).isEmpty();
    assertThat(key.afterJson().get("label").asText()).isEqualTo("Audit app");
    assertThat(key.afterJson().get("prefix").asText()).isEqualTo(issuedKey.substring(0, 8));

    Entry failed = only(all, "sign_in_failed");
    assertThat(failed.who()).isEqualTo("aud-agent");
    assertThat(failed.target()).isEqualTo("account aud-agent");
    List<Entry> signIns = all.stream().filter(e -> e.action().equals("sign_in")).toList();
    assertThat(signIns).extracting(Entry::who).contains("aud-admin", "aud-agent");
    assertThat(signIns).extracting(Entry::target).contains("account aud-admin");

    assertThat(all.indexOf(key)).as("newest first").isLessThan(all.indexOf(failed));
    assertThat(audit("").text()).as("a key is never written to the log").doesNotContain(issuedKey)
        .contains("href=\"/staff/requests/" + J + "/" + request + "\"");
  }

  @Test
  void filtersNarrowTheList() {
    List<Entry> byAgent = entries("username=aud-agent");
    assertThat(byAgent).isNotEmpty().allSatisfy(e -> assertThat(e.who()).isEqualTo("aud-agent"));
    assertThat(byAgent).extracting(Entry::action).contains("public_update", "internal_note", "sign_in",
        "sign_in_failed").doesNotContain("issue_key");

    assertThat(entries("action=internal_note")).singleElement()
        .satisfies(e -> assertThat(e.after()).contains("Reporter phoned twice"));
    assertThat(entries("target_type=api_key")).extracting(Entry::action).containsExactly("issue_key");
    assertThat(entries("target_type=request&target_id=" + request)).extracting(Entry::action)
        .containsExactly("internal_note", "public_update");
    assertThat(entries("target_type=request&target_id=999999")).isEmpty();
    assertThat(entries("username=aud-admin&action=edit_service")).singleElement()
        .satisfies(e -> assertThat(e.target()).isEqualTo("service POT"));
    assertThat(entries("username=nobody")).isEmpty();

    // Days are the jurisdiction's days, as the page shows its times.
    LocalDate today = LocalDate.now(java.time.ZoneId.of("America/New_York"));
    int all = entries("").size();
    assertThat(entries("from=" + today.minusDays(1) + "&to=" + today.plusDays(1))).hasSize(all);
    assertThat(entries("from=" + today.plusDays(1))).as("nothing from tomorrow").isEmpty();
    assertThat(entries("to=" + today.minusDays(1))).as("nothing up to yesterday").isEmpty();
    assertThat(entries("from=" + today.plusDays(1) + "&action=internal_note")).isEmpty();

    Answer filtered = audit("username=aud-agent&action=internal_note");
    assertThat(filtered.text()).as("the filter form keeps what was asked")
        .contains("id=\"username\" name=\"username\" value=\"aud-agent\"")
        .contains("id=\"action\" name=\"action\" value=\"internal_note\"");
  }

  @Test
  void aBadDateIsRefusedWithAMessage() {
    Answer from = audit("from=yesterday");
    assertThat(from.status()).isEqualTo(400);
    assertThat(from.text()).contains("<span class=\"field-error\" id=\"error-from\" role=\"alert\">"
        + "Give a date as YYYY-MM-DD.</span>");
    assertThat(rows(from.text())).as("no entries beside an error").isEmpty();

    Answer to = audit("to=2026-13-40");
    assertThat(to.status()).isEqualTo(400);
    assertThat(to.text()).contains("id=\"error-to\"").doesNotContain("id=\"error-from\"");

    Answer page = audit("page=zero");
    assertThat(page.status()).isEqualTo(400);
    assertThat(page.text()).contains("Pages are numbered from 1.");
  }

  @Test
  void onlyAdministratorsReadTheLog() {
    StaffClient viewer = StaffClient.signIn(server.http(), "aud-viewer", StaffAccounts.PASSWORD);
    for (StaffClient who : List.of(agent, viewer)) {
      Answer a = who.get("/staff/audit");
      assertThat(a.status()).isEqualTo(403);
      assertThat(a.text()).doesNotContain("Reporter phoned twice").doesNotContain("sign_in");
      assertThat(who.get("/staff/audit?username=aud-agent").status()).isEqualTo(403);
    }
    Answer anonymous = StaffClient.anonymous(server.http()).get("/staff/audit");
    assertThat(anonymous.status()).isEqualTo(303);
    assertThat(anonymous.headers().firstValue("Location").orElse("")).startsWith("/staff/login");
  }

  @Test
  void noRouteChangesAnEntry() {
    int before = entries("").size();
    assertThat(admin.post("/staff/audit", "username", "x", "action", "delete").status()).isIn(404, 405);
    assertThat(admin.post("/staff/audit/1", "before_json", "{}").status()).isIn(404, 405);
    assertThat(admin.post("/staff/audit/1/delete").status()).isIn(404, 405);
    assertThat(server.http().method("DELETE", "/staff/audit").status()).isIn(401, 403, 404, 405);
    assertThat(server.http().method("PUT", "/staff/audit").status()).isIn(401, 403, 404, 405);
    assertThat(entries("").size()).as("no entry removed").isGreaterThanOrEqualTo(before);
    assertThat(entries("action=internal_note")).singleElement()
        .satisfies(e -> assertThat(e.after()).contains("Reporter phoned twice"));
  }

  @Test
  void theDatabaseRefusesToUpdateOrDeleteEntries() throws SQLException {
    long count;
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      count = count(s);
      assertThat(count).isGreaterThan(0);
      assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_log SET username = 'someone else'"))
          .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
      assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_log SET after_json = NULL WHERE action = 'internal_note'"))
          .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
      assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_log"))
          .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
      assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_log WHERE action = 'sign_in_failed'"))
          .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
    }
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      assertThat(count(s)).isGreaterThanOrEqualTo(count);
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM audit_log WHERE username = 'someone else'")) {
        rs.next();
        assertThat(rs.getLong(1)).isZero();
      }
    }
    assertThat(only(entries(""), "sign_in_failed").who()).isEqualTo("aud-agent");
  }

  private static long count(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM audit_log")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
