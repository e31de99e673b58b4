package org.civic311.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civic311.server.app.Application;
import org.civic311.server.config.DatabaseSettings;
import org.civic311.server.storage.NewRequest;
import org.civic311.server.storage.NewUpdate;
import org.civic311.server.storage.sql.Database;

/**
 * {@code civic311 copy} from one database to another through the command line, checked row by
 * row: the source holds a jurisdiction with requests and an update history; the copy must hold
 * the same, say so, and a second copy into the now full target must be refused in one line.
 */
public final class CopyScenario {
  static final int REQUESTS = 30;
  private static final String[] TABLES = {"jurisdictions", "services", "api_keys", "service_requests",
      "request_updates"};

  private CopyScenario() {}

  public static void copyKeepsEveryRow(DatabaseSettings from, DatabaseSettings to) throws Exception {
    try (Database source = Application.openConfigured(TestConfig.city().build(from))) {
      for (int i = 0; i < REQUESTS; i++) {
        long id = source.requests().insert(new NewRequest(TestConfig.CITY, "POT", "Pothole", "copy probe " + i,
            null, null, Instant.now().toEpochMilli(), null, i + " Copy St", null, null, 38.9, -77.0, null, null,
            Map.of(), null, new NewRequest.Reporter(null, null, null, null, null, null), "api", List.of())).id();
        if (i % 3 == 0) {
          source.updates().insert(update(id, i));
        }
      }
    }
    Commands.Run run = Commands.run(args(from, to));
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.hasStackTrace()).as(run.err()).isFalse();
    assertThat(run.out()).contains("Copied in").containsPattern("service_requests +" + REQUESTS);
    try (Connection s = connect(from); Connection t = connect(to)) {
      for (String table : TABLES) {
        assertThat(count(t, table)).as(table).isEqualTo(count(s, table)).isPositive();
      }
      assertThat(ids(t)).isEqualTo(ids(s));
    }
    // The target now holds the jurisdiction: a second copy is refused in one line.
    Commands.Run again = Commands.run(args(from, to));
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.hasStackTrace()).as(again.err()).isFalse();
    assertThat(again.err().strip().lines()).hasSize(1).first().asString()
        .startsWith("copy refused: the target already holds jurisdictions");
  }

  private static NewUpdate update(long requestId, int i) {
    long now = Instant.now().toEpochMilli();
    return new NewUpdate(TestConfig.CITY, requestId, "EXT-" + i, "fixed", "closed", "Fixed " + i, now, now, null,
        null, List.of());
  }

  private static String[] args(DatabaseSettings from, DatabaseSettings to) {
    List<String> a = new ArrayList<>(List.of("copy", "--from", from.url(), "--to", to.url()));
    if (from.user() != null) {
      a.addAll(List.of("--from-user", from.user(), "--from-password", from.password()));
    }
    if (to.user() != null) {
      a.addAll(List.of("--to-user", to.user(), "--to-password", to.password()));
    }
    return a.toArray(String[]::new);
  }

  private static Connection connect(DatabaseSettings d) throws Exception {
    return java.sql.DriverManager.getConnection(d.url(), d.user(), d.password());
  }

  private static long count(Connection c, String table) throws Exception {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<String> ids(Connection c) throws Exception {
    List<String> ids = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT id, description, status FROM service_requests ORDER BY id")) {
      while (rs.next()) {
        ids.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3));
      }
    }
    return ids;
  }
}
