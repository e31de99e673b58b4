package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.server.testing.Http.form;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.Http;
import org.civic311.server.testing.RunningServer;
import org.civic311.server.testing.StaffAccounts;
import org.civic311.server.testing.StaffClient;
import org.civic311.server.testing.TestConfig;
import org.civic311.server.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A staff action and its audit entry are committed together or not at all. This test's database
 * alone gets a trigger that refuses any audit entry mentioning {@value #MARK}, or about a target
 * listed in its table {@code test_refused_targets}; an action whose entry is refused must fail and
 * leave no trace of itself. Runs on a SQLite file, and on PostgreSQL with the {@code postgresql}
 * profile.
 */
class StaffAuditAtomicityHttpTest {
  static final String J = TestConfig.CITY;
  static final String MARK = "refuse-audit";
  /** An account whose every audit entry is refused, because its name is the target of the entry. */
  static final String MARKED_ACCOUNT = MARK + "-agent";
  @RegisterExtension
  static final RunningServer server = new RunningServer(TestConfig.city());
  static StaffClient admin;
  static StaffClient marked;

  @BeforeAll
  static void refuseMarkedAuditEntries() throws SQLException {
    StaffAccounts.create(server.fixture(), "atom-admin", "administrator");
    StaffAccounts.create(server.fixture(), MARKED_ACCOUNT, "agent", J);
    // Signed in before the trigger exists: a sign-in's own entry names the account.
    admin = StaffClient.signIn(server.http(), "atom-admin", StaffAccounts.PASSWORD);
    marked = StaffClient.signIn(server.http(), MARKED_ACCOUNT, StaffAccounts.PASSWORD);
    String refused = "NEW.after_json LIKE '%" + MARK + "%' OR NEW.target_id LIKE '%" + MARK + "%'"
        + " OR NEW.target_id IN (SELECT target_id FROM test_refused_targets)";
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE test_refused_targets (target_id TEXT NOT NULL)");
      if (TestDatabase.postgres()) {
        s.execute("CREATE FUNCTION test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
            + " IF " + refused + " THEN RAISE EXCEPTION 'audit entry refused by the test'; END IF;"
            + " RETURN NEW; END $$");
        s.execute("CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW"
            + " EXECUTE FUNCTION test_refuse_audit()");
      } else {
        s.execute("CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_log WHEN " + refused
            + " BEGIN SELECT RAISE(ABORT, 'audit entry refused by the test'); END");
      }
    }
  }

  @Test
  void aRequestChangeWhoseEntryIsRefusedIsNotApplied() throws SQLException {
    long id = post("Pothole by the school");
    long updatedAt = number("SELECT updated_at FROM service_requests WHERE id = ?", id);
    assertThat(text("SELECT agency_responsible FROM service_requests WHERE id = ?", id)).isEqualTo("Highways");

    refused(admin.post(page(id) + "/assign", "agency", MARK + " crew"));
    refused(admin.post(page(id) + "/hide", "reason", MARK + " spam"));

    assertThat(text("SELECT agency_responsible FROM service_requests WHERE id = ?", id)).isEqualTo("Highways");
    assertThat(text("SELECT hidden_reason FROM service_requests WHERE id = ?", id)).isNull();
    assertThat(number("SELECT updated_at FROM service_requests WHERE id = ?", id)).isEqualTo(updatedAt);
    assertThat(server.http().get(Http.API + "/requests/" + id + ".json").status()).as("still public")
        .isEqualTo(200);

    Answer taken = admin.post(page(id) + "/assign", "agency", "Parks");
    assertThat(taken.status()).as("an entry the database takes: %s", taken.text()).isEqualTo(303);
    assertThat(text("SELECT agency_responsible FROM service_requests WHERE id = ?", id)).isEqualTo("Parks");
    assertThat(number("SELECT COUNT(*) FROM audit_log WHERE action = 'assign' AND target_id = ?",
        Long.toString(id))).isEqualTo(1);
  }

  @Test
  void aPublicUpdateOrDuplicateWhoseEntryIsRefusedLeavesNoHistory() throws SQLException {
    long original = post("Fallen tree");
    long id = post("Fallen tree again");

    refused(admin.post(page(id) + "/update", "status", "fixed", "note", MARK + " cleared"));
    refused(admin.post(page(id) + "/note", "body", MARK + " phoned"));
    // Its entry does not carry the note, so the request itself is marked. Three writes in one
    // action: the request's link to the original, its closing update, and the entry.
    refuseEntriesAbout(Long.toString(id));
    refused(admin.post(page(id) + "/duplicate", "original", Long.toString(original), "note", "Same tree"));

    assertThat(number("SELECT COUNT(*) FROM request_updates WHERE request_id = ?", id)).isZero();
    assertThat(number("SELECT COUNT(*) FROM internal_notes WHERE request_id = ?", id)).isZero();
    assertThat(text("SELECT status FROM service_requests WHERE id = ?", id)).isEqualTo("open");
    assertThat(text("SELECT status_notes FROM service_requests WHERE id = ?", id)).isNull();
    assertThat(text("SELECT duplicate_of FROM service_requests WHERE id = ?", id)).isNull();
    assertThat(server.http().get(Http.API + "/requests/" + id + ".json").text()).doesNotContain(MARK);
  }

  @Test
  void aCatalogueChangeWhoseEntryIsRefusedIsNotApplied() throws SQLException {
    long changeset = number("SELECT changeset FROM jurisdictions WHERE id = ?", J);

    refused(admin.post("/staff/catalogue/" + J + "/services/POT", "code", "POT", "name", MARK + " pothole",
        "type", "realtime", "attr_rows", "0"));
    refused(admin.post("/staff/catalogue/" + J + "/templates", "template_service", "POT", "template_title",
        MARK + " booked", "template_body", "A crew will come."));

    assertThat(text("SELECT name FROM services WHERE jurisdiction_id = ? AND code = 'POT'", J)).isEqualTo("Pothole");
    assertThat(number("SELECT changeset FROM jurisdictions WHERE id = ?", J)).isEqualTo(changeset);
    assertThat(text("SELECT catalogue_source FROM jurisdictions WHERE id = ?", J)).isEqualTo("config");
    assertThat(number("SELECT COUNT(*) FROM response_templates WHERE jurisdiction_id = ?", J)).isZero();
    assertThat(server.http().get(Http.API + "/services.json").text()).contains("Pothole").doesNotContain(MARK);
  }

  @Test
  void aKeyOrAccountChangeWhoseEntryIsRefusedIsNotApplied() throws SQLException {
    refused(admin.post("/staff/keys", "label", MARK + " app", "jurisdiction", J));
    refused(admin.post("/staff/users", "username", MARK + "-new", "display_name", "New", "password",
        StaffAccounts.PASSWORD, "role", "viewer", "grants", ""));
    long markedId = number("SELECT id FROM staff_users WHERE username = ?", MARKED_ACCOUNT);
    // Two writes in one action: the account switched off and its sessions ended.
    refused(admin.post("/staff/users/" + markedId + "/active", "active", "0"));

    assertThat(number("SELECT COUNT(*) FROM api_keys WHERE label LIKE ?", "%" + MARK + "%")).isZero();
    assertThat(number("SELECT COUNT(*) FROM staff_users WHERE username = ?", MARK + "-new")).isZero();
    assertThat(number("SELECT active FROM staff_users WHERE id = ?", markedId)).isEqualTo(1);
    assertThat(marked.get("/staff/").status()).as("the account's session was not ended").isEqualTo(200);

    Answer created = admin.post("/staff/users", "username", "atom-viewer", "display_name", "Viewer", "password",
        StaffAccounts.PASSWORD, "role", "viewer", "grants", "");
    assertThat(created.status()).as("an entry the database takes: %s", created.text()).isEqualTo(303);
    assertThat(number("SELECT COUNT(*) FROM audit_log WHERE action = 'create_user' AND target_id = 'atom-viewer'"))
        .isEqualTo(1);
  }

  static void refused(Answer a) {
    assertThat(a.status()).as("an action whose audit entry the database refuses: %s", a.text()).isEqualTo(503);
  }

  static void refuseEntriesAbout(String targetId) throws SQLException {
    try (Connection c = server.connect();
        PreparedStatement s = statement(c, "INSERT INTO test_refused_targets (target_id) VALUES (?)", targetId)) {
      s.executeUpdate();
    }
  }

  static long post(String description) {
    Answer a = server.http().postForm(Http.API + "/requests.json", form("api_key", TestConfig.KEY, "service_code",
        "POT", "lat", "40.0", "long", "-74.0", "description", description));
    assertThat(a.status()).as(a.text()).isEqualTo(200);
    return a.json().get(0).get("service_request_id").asLong();
  }

  static String page(long id) {
    return "/staff/requests/" + J + "/" + id;
  }

  static long number(String sql, Object... parameters) throws SQLException {
    try (Connection c = server.connect(); PreparedStatement s = statement(c, sql, parameters);
        ResultSet rs = s.executeQuery()) {
      assertThat(rs.next()).as("a row for %s", sql).isTrue();
      return rs.getLong(1);
    }
  }

  static String text(String sql, Object... parameters) throws SQLException {
    try (Connection c = server.connect(); PreparedStatement s = statement(c, sql, parameters);
        ResultSet rs = s.executeQuery()) {
      assertThat(rs.next()).as("a row for %s", sql).isTrue();
      return rs.getString(1);
    }
  }

  private static PreparedStatement statement(Connection c, String sql, Object... parameters) throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    for (int i = 0; i < parameters.length; i++) {
      s.setObject(i + 1, parameters[i]);
    }
    return s;
  }
}
