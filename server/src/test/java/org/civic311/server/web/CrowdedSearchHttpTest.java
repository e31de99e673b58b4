package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.civic311.server.storage.RequestQuery;
import org.civic311.server.storage.sql.Database;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.Http;
import org.civic311.server.testing.RunningServer;
import org.civic311.server.testing.TestConfig;
import org.civic311.server.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Searches whose words or place hold thousands of requests, where each store picks another plan
 * than for rare ones (SqliteDialect, PostgresDialect): the answers stay exact and newest first,
 * and the plan taken is the one meant, on both stores.
 */
class CrowdedSearchHttpTest {
  static final String API = Http.API;
  @RegisterExtension
  static final RunningServer server = new RunningServer(TestConfig.city());
  static final int ROWS = 12_000;
  static final long NOW = System.currentTimeMillis();
  static String jurisdiction;

  /**
   * 12,000 requests of the last 12,000 minutes, one a minute, all within 400 m of one point: every
   * one says "pothole", every fourth "bus stop", one in a thousand "sinkhole".
   */
  @BeforeAll
  static void fill() throws SQLException {
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      var rs = s.executeQuery("SELECT id FROM jurisdictions ORDER BY id LIMIT 1");
      rs.next();
      jurisdiction = rs.getString(1);
      c.setAutoCommit(false);
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO service_requests (jurisdiction_id,"
          + " service_code, service_name, status, description, requested_at, updated_at, attributes, lat, lon)"
          + " VALUES (?, 'POT', 'Pothole', 'open', ?, ?, ?, '{}', ?, ?)")) {
        for (int i = 0; i < ROWS; i++) {
          long at = NOW - (ROWS - i) * 60_000L;
          String words = "pothole" + (i % 4 == 0 ? " near the bus stop" : " in the road")
              + (i % 1_000 == 0 ? " sinkhole" : "");
          insert.setString(1, jurisdiction);
          insert.setString(2, words + " " + i);
          insert.setLong(3, at);
          insert.setLong(4, at);
          insert.setDouble(5, 40.0 + (i % 80) * 0.00005);
          insert.setDouble(6, -74.0 + (i / 80) * 0.00005);
          insert.addBatch();
        }
        insert.executeBatch();
      }
      c.commit();
    }
  }

  static List<String> descriptions(String query) {
    Answer a = server.http().get(API + "/requests.json?page_size=5&" + query);
    assertThat(a.status()).as(query + " -> " + a.text()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    for (JsonNode r : a.json()) {
      out.add(r.get("description").asText());
    }
    return out;
  }

  @Test
  void aWordInEveryRequestGivesTheNewestFirst() {
    assertThat(descriptions("q=pothole")).containsExactly("pothole in the road 11999", "pothole in the road 11998",
        "pothole in the road 11997", "pothole near the bus stop 11996", "pothole in the road 11995");
    assertThat(plan(words("pothole"))).containsAnyOf("EXISTS", "IS TRUE");
  }

  @Test
  void wordsThatGoTogetherAreWalkedNotListed() {
    assertThat(descriptions("q=bus%20stop")).containsExactly("pothole near the bus stop 11996",
        "pothole near the bus stop 11992", "pothole near the bus stop 11988", "pothole near the bus stop 11984",
        "pothole near the bus stop 11980");
    if (TestDatabase.postgres()) {
      // The planner takes "bus" and "stop" for unrelated words; the dialect knows better.
      assertThat(plan(words("bus", "stop"))).contains("IS TRUE");
    }
  }

  @Test
  void aRareWordIsStillFoundThroughTheIndex() {
    assertThat(descriptions("q=sinkhole")).containsExactly("pothole near the bus stop sinkhole 11000",
        "pothole near the bus stop sinkhole 10000", "pothole near the bus stop sinkhole 9000",
        "pothole near the bus stop sinkhole 8000", "pothole near the bus stop sinkhole 7000");
    assertThat(plan(words("sinkhole"))).doesNotContain("IS TRUE").doesNotContain("EXISTS");
  }

  @Test
  void aCrowdedPlaceAndAQuietOneBothAnswerExactly() {
    String window = "&start_date=" + java.time.Instant.ofEpochMilli(NOW - 20_000 * 60_000L)
        + "&end_date=" + java.time.Instant.ofEpochMilli(NOW);
    // All 12,000 lie in this box: more than the SQLite plan lets its place index lead for.
    assertThat(descriptions("bbox=-74.01,39.99,-73.99,40.01" + window)).hasSize(5)
        .first().isEqualTo("pothole in the road 11999");
    // 6 m around the first request: itself and its neighbours 5.6 m north and 4.3 m east.
    List<String> near = descriptions("lat=40.0&long=-74.0&radius=6" + window);
    assertThat(near).containsExactlyInAnyOrder("pothole near the bus stop sinkhole 0", "pothole in the road 1",
        "pothole near the bus stop 80");
  }

  private static RequestQuery words(String... words) {
    return new RequestQuery(jurisdiction, List.of(), List.of(), List.of(), NOW - 90 * 86_400_000L, NOW, null, null,
        null, null, List.of(words), false, 0, 100);
  }

  private static String plan(RequestQuery q) {
    var settings = server.database().settings();
    try (Database db = Database.open(settings.url(), settings.user(), settings.password())) {
      return db.explainSearch(q);
    }
  }
}
