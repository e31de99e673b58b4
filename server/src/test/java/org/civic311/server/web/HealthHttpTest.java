package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.Http;
import org.civic311.server.testing.RunningServer;
import org.civic311.server.testing.ServerFixture;
import org.civic311.server.testing.TestConfig;
import org.civic311.server.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The probes a load balancer polls: alive while the process answers, ready while it can serve. */
class HealthHttpTest {
  @RegisterExtension
  static final RunningServer server = new RunningServer(TestConfig.city());

  private static Answer get(Http http, String path) {
    return http.send(HttpRequest.newBuilder(http.uri(path)).GET());
  }

  @Test
  void liveIsUpAndNeverCached() {
    Answer a = get(server.http(), "/health/live");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.contentType()).startsWith("application/json");
    assertThat(a.json().path("status").asText()).isEqualTo("UP");
    assertThat(a.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(a.headers().firstValue("ETag")).isEmpty();
  }

  @Test
  void readyNamesEveryCheckAndIsUpOnAHealthyServer() {
    Answer a = get(server.http(), "/health/ready");
    assertThat(a.status()).as(a.text()).isEqualTo(200);
    JsonNode doc = a.json();
    assertThat(doc.path("status").asText()).isEqualTo("UP");
    for (String check : new String[] {"database", "migrations", "writer"}) {
      assertThat(doc.path("checks").path(check).path("status").asText()).as(check).isEqualTo("UP");
    }
    assertThat(a.headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  @Test
  void headIsAnsweredAndOtherMethodsAre405() {
    Answer head = server.http().send(HttpRequest.newBuilder(server.http().uri("/health/ready"))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()));
    assertThat(head.status()).isEqualTo(200);
    Answer post = server.http().send(HttpRequest.newBuilder(server.http().uri("/health/live"))
        .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(post.status()).isEqualTo(405);
    assertThat(get(server.http(), "/health/nothing").status()).isEqualTo(404);
  }

  @Test
  void readyIsDownWhenTheDatabaseFileIsGone() throws Exception {
    assumeFalse(TestDatabase.postgres(), "a database file is SQLite's");
    try (ServerFixture s = ServerFixture.start(TestConfig.city())) {
      assertThat(get(s.http(), "/health/ready").status()).isEqualTo(200);
      Path file = Path.of(s.database().settings().url().substring("jdbc:sqlite:".length()));
      Files.delete(file);
      Answer a = get(s.http(), "/health/ready");
      assertThat(a.status()).as(a.text()).isEqualTo(503);
      assertThat(a.json().path("status").asText()).isEqualTo("DOWN");
      JsonNode database = a.json().path("checks").path("database");
      assertThat(database.path("status").asText()).isEqualTo("DOWN");
      assertThat(database.path("detail").asText()).contains("gone");
      assertThat(a.text()).doesNotContain(file.toString());
      // Alive all the same: restarting would not bring the file back.
      assertThat(get(s.http(), "/health/live").status()).isEqualTo(200);
    }
  }

  @Test
  void readyIsDownWhileAMigrationHasFailed() throws Exception {
    try (ServerFixture s = ServerFixture.start(TestConfig.city())) {
      try (Connection c = s.connect(); Statement st = c.createStatement()) {
        // What Flyway leaves behind when a migration fails half-way.
        st.executeUpdate("UPDATE flyway_schema_history SET success = " + (TestDatabase.postgres() ? "false" : "0")
            + " WHERE version = '10'");
      }
      Answer a = get(s.http(), "/health/ready");
      assertThat(a.status()).as(a.text()).isEqualTo(503);
      JsonNode migrations = a.json().path("checks").path("migrations");
      assertThat(migrations.path("status").asText()).isEqualTo("DOWN");
      assertThat(migrations.path("detail").asText()).contains("migration 10 failed");
      assertThat(a.json().path("checks").path("database").path("status").asText()).isEqualTo("UP");
    }
  }

}
