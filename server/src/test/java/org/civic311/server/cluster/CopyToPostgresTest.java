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

  static final String[] TABLES = {"jurisdictions", "services", "api_keys", "service_requests"};

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
      paths.add("/requests.json");
      paths.add("/requests.xml?status=open&service_code=LAMP,POT");
      paths.add("/services.xml");
      paths.add("/services/LAMP.json");
      for (String p : paths) {
        before.add(http.get(Http.API + p).text());
      }
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
