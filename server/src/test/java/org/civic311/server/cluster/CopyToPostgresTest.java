package org.civic311.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.civic311.server.app.Application;
import org.civic311.server.config.Configuration;
import org.civic311.server.config.ConfigurationLoader;
import org.civic311.server.config.DatabaseSettings;
import org.civic311.server.storage.sql.Database;
import org.civic311.server.testing.Http;
import org.civic311.server.testing.TestConfig;
import org.civic311.server.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A populated SQLite file moved to PostgreSQL loses nothing: rows and documents are equal. */
class CopyToPostgresTest {
  @org.junit.jupiter.api.BeforeAll
  static void needsPostgres() {
    org.junit.jupiter.api.Assumptions.assumeTrue(TestDatabase.postgres(), "runs in the PostgreSQL suite");
  }

  static final String[] TABLES = {"jurisdictions", "services", "api_keys", "service_requests", "request_updates",
      "request_media", "request_followers", "response_templates", "staff_users", "staff_grants", "internal_notes",
      "audit_log"};

  @Test
  void copyingASqliteFileToPostgresKeepsEveryRowAndDocument(@TempDir java.nio.file.Path dir) throws Exception {
    DatabaseSettings sqlite = new DatabaseSettings("jdbc:sqlite:" + dir.resolve("city.db"), null, null);
    Configuration onSqlite = ConfigurationLoader.validate(TestConfig.city().build(sqlite), "test");
    List<String> paths = new ArrayList<>();
    List<String> before = new ArrayList<>();
    try (Application app = Application.start(onSqlite, "127.0.0.1")) {
      Http http = new Http(app.port());
      for (int i = 0; i < 120; i++) {
        String service = i % 4 == 0 ? "BULK" : i % 4 == 1 ? "LAMP" : "POT";
        var reply = http.postForm(Http.API + "/requests.json", Http.form("api_key", TestConfig.KEY,
            "service_code", service, "lat", String.valueOf(38.8 + i / 1000.0), "long", "-77.03",
            "description", "Report " + i + " <b>&</b> caf\u00e9", "attribute[FAULT][]", "DARK",
            "attribute[FAULT][]", "DAY", "email", "r" + i + "@example.org")).json().get(0);
        paths.add(reply.has("token") ? "/tokens/" + reply.get("token").asText() + ".json"
            : "/requests/" + reply.get("service_request_id").asText() + ".xml");
      }
      // An update history with public ids, closing some requests.
      for (int i = 1; i <= 9; i += 2) {
        var update = http.postForm(Http.API + "/servicerequestupdates.json", Http.form("api_key", TestConfig.KEY,
            "service_request_id", String.valueOf(i + 1), "update_id", "EXT-" + i, "status", "FIXED",
            "updated_datetime", "2026-03-0" + (i / 2 + 1) + "T10:00:00Z", "description", "Fixed " + i,
            "media_url", "https://img.example.org/" + i + ".jpg"));
        assertThat(update.status()).as(update.text()).isEqualTo(200);
      }
      paths.add("/requests.json");
      paths.add("/requests.json?extensions=true&status=closed");
      paths.add("/servicerequestupdates.json?start_date=2026-03-01T00:00:00Z&end_date=2026-03-31T00:00:00Z");
      paths.add("/requests.xml?status=open&service_code=LAMP,POT");
      paths.add("/services.xml");
      paths.add("/services/LAMP.json");
      for (String p : paths) {
        before.add(http.get(Http.API + p).text());
      }
    }

    // Back-office data, as staff would have left it.
    try (Connection c = java.sql.DriverManager.getConnection(sqlite.url()); Statement st = c.createStatement()) {
      st.execute("INSERT INTO staff_users (username, display_name, password_hash, role, created_at)"
          + " VALUES ('ada', 'Ada', '$argon2id$v=19$m=16384,t=2,p=1$c2FsdA$aGFzaA', 'agent', 1)");
      st.execute("INSERT INTO staff_grants (user_id, jurisdiction_id, agency) SELECT id, 'city.example.org', NULL"
          + " FROM staff_users");
      st.execute("INSERT INTO internal_notes (request_id, user_id, body, created_at) SELECT 2, id, 'called the crew',"
          + " 5 FROM staff_users");
      st.execute("INSERT INTO response_templates (jurisdiction_id, service_code, title, body, status)"
          + " VALUES ('city.example.org', 'POT', 'Fixed', 'Filled today.', 'fixed')");
      st.execute("INSERT INTO audit_log (at, user_id, username, action, target_type, target_id, jurisdiction_id)"
          + " VALUES (6, 1, 'ada', 'internal_note', 'request', '2', 'city.example.org')");
      st.execute("INSERT INTO request_followers (request_id, email, locale, token, created_at)"
          + " VALUES (4, 'r@example.org', 'es', 'unsubscribe-token', 7)");
      st.execute("UPDATE job_cursors SET position = (SELECT MAX(id) FROM request_updates) WHERE name = 'status_mail'");
    }

    try (TestDatabase pg = TestDatabase.fresh()) {
      try (Database from = Application.openMigrated(sqlite);
          Database to = Application.openMigrated(pg.settings())) {
        var result = from.copyTo(to, null, (table, done, total) -> { });
        assertThat(result.rows().get("service_requests")).isEqualTo(120L);
      }
      try (Connection s = java.sql.DriverManager.getConnection(sqlite.url()); Connection p = pg.connect()) {
        for (String table : TABLES) {
          assertThat(count(p, table)).as(table).isEqualTo(count(s, table));
        }
        assertThat(count(p, "service_requests WHERE location IS NOT NULL")).isEqualTo(120);
        assertThat(count(p, "request_updates")).isEqualTo(5);
        // The target's status mails go on from where the source's were, not from the first update.
        assertThat(count(p, "job_cursors WHERE name = 'status_mail' AND position ="
            + " (SELECT MAX(id) FROM request_updates)")).isEqualTo(1);
        assertThat(count(p, "staff_users WHERE username = 'ada' AND role = 'agent'")).isEqualTo(1);
      }
      Configuration onPostgres = ConfigurationLoader.validate(TestConfig.city().build(pg.settings()), "test");
      try (Application app = Application.start(onPostgres, "127.0.0.1")) {
        Http http = new Http(app.port());
        for (int i = 0; i < paths.size(); i++) {
          assertThat(http.get(Http.API + paths.get(i)).text()).as(paths.get(i)).isEqualTo(before.get(i));
        }
        // New requests continue after the copied ids.
        String next = http.postForm(Http.API + "/requests.json", Http.form("api_key", TestConfig.KEY,
            "service_code", "POT", "address_string", "after the move")).json().get(0).get("service_request_id")
            .asText();
        assertThat(Long.parseLong(next)).isEqualTo(121L);
      }
    }
  }

  @Test
  void copyingIntoATargetThatHoldsTheJurisdictionIsRefused(@TempDir java.nio.file.Path dir) throws Exception {
    DatabaseSettings sqlite = new DatabaseSettings("jdbc:sqlite:" + dir.resolve("c.db"), null, null);
    try (TestDatabase pg = TestDatabase.fresh();
        Database from = Application.openConfigured(TestConfig.city().build(sqlite));
        Database to = Application.openConfigured(TestConfig.city().build(pg.settings()))) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> from.copyTo(to, null, (t, d, n) -> { }))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("already holds");
    }
  }

  static long count(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
