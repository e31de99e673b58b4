package org.civic311.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.civic311.server.app.Application;
import org.civic311.server.config.Configuration;
import org.civic311.server.config.ConfigurationLoader;
import org.civic311.server.config.ReplicaSettings;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.Http;
import org.civic311.server.testing.TestConfig;
import org.civic311.server.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads from a real streaming standby of the test PostgreSQL server (made by .ci/standby, named by
 * CIVIC311_TEST_POSTGRES_REPLICA_URL). Replay on the standby is paused to tell its answers from
 * the primary's: a row written during the pause is on the primary only. Two nodes share one
 * database and the standby, with different lag limits.
 */
class ReplicaReadsTest {
  private static final String STANDBY = System.getenv("CIVIC311_TEST_POSTGRES_REPLICA_URL");
  private static TestDatabase db;
  private static int deadPort;
  /** Reads from a replica that does not answer, then the standby while it lags at most 60 s. */
  private static Node patient;
  /** Reads from the standby while it lags at most 1 s. */
  private static Node strict;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(TestDatabase.postgres(), "runs in the PostgreSQL suite");
    Assumptions.assumeTrue(STANDBY != null, "CIVIC311_TEST_POSTGRES_REPLICA_URL is not set: .ci/run makes the"
        + " standby with .ci/standby and sets it");
    resumeReplay();
    db = TestDatabase.fresh();
    try (ServerSocket s = new ServerSocket(0)) {
      deadPort = s.getLocalPort();
    }
    patient = Node.start(60, new ReplicaSettings("jdbc:postgresql://127.0.0.1:" + deadPort + "/civic311", null, null,
        "gone"));
    strict = Node.start(1);
    patient.awaitReplica("standby", "UP");
    strict.awaitReplica("standby", "UP");
  }

  @AfterEach
  void resume() throws SQLException {
    resumeReplay();
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      for (Node n : new Node[] {patient, strict}) {
        if (n != null) {
          n.app.close();
        }
      }
    } finally {
      if (db != null) {
        db.close();
      }
    }
  }

  @Test
  void theWriterReadsItsWriteAtOnceWhileOthersReadTheReplica() throws Exception {
    Node n = patient;
    n.awaitReplica("standby", "UP");
    long before = n.readsServedBy("standby");
    assertThat(n.get(Http.API + "/requests.json").status()).isEqualTo(200);
    assertThat(n.readsServedBy("standby")).as("an anonymous read went to the standby").isGreaterThan(before);

    pauseReplay();
    Answer posted = n.post("1 Replica Road");
    String id = id(posted);
    String written = posted.headers().firstValue("Civic311-Written").orElseThrow();
    String cookie = cookie(posted, "civic311_written");
    assertThat(cookie).isEqualTo("civic311_written=" + written);
    String path = Http.API + "/requests/" + id + ".json";

    Answer byCookie = n.get(path, "Cookie", cookie);
    assertThat(byCookie.status()).as("the author, with the cookie: " + byCookie.text()).isEqualTo(200);
    assertThat(byCookie.json().get(0).get("service_request_id").asText()).isEqualTo(id);
    Answer byHeader = n.get(Http.API + "/requests.json", "Civic311-Written", written);
    assertThat(byHeader.text()).as("the author, with the header").contains("\"service_request_id\":\"" + id + "\"");

    Answer anonymous = n.get(path);
    assertThat(anonymous.status()).as("another reader, from the paused standby: " + anonymous.text()).isEqualTo(404);
    assertThat(n.get(Http.API + "/requests.json").text()).doesNotContain("\"service_request_id\":\"" + id + "\"");
    assertThat(n.get("/requests/" + id).status()).as("the residents' page, from the standby").isEqualTo(404);
    assertThat(n.get("/requests/" + id, "Cookie", cookie).status()).as("the author's page").isEqualTo(200);
    assertThat(n.get("/data/requests.csv").text()).as("a download, from the standby").doesNotContain("1 Replica Road");
    assertThat(n.get("/data/requests.csv", "Cookie", cookie).text()).contains("1 Replica Road");

    resumeReplay();
    long deadline = System.currentTimeMillis() + 10_000;
    Answer later = n.get(path);
    while (later.status() != 200 && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
      later = n.get(path);
    }
    assertThat(later.status()).as("the standby caught up").isEqualTo(200);
  }

  @Test
  void aReplicaTooFarBehindIsTakenOutAndComesBackWhenItCatchesUp() throws Exception {
    Node n = strict;
    n.awaitReplica("standby", "UP");
    pauseReplay();
    String id = id(n.post("2 Lag Lane"));
    n.awaitReplica("standby", "OUT");
    assertThat(n.replica("standby").get("detail").asText()).startsWith("lags ");
    Answer anonymous = n.get(Http.API + "/requests/" + id + ".json");
    assertThat(anonymous.status()).as("with no replica in rotation, the primary answers: " + anonymous.text())
        .isEqualTo(200);

    resumeReplay();
    n.awaitReplica("standby", "UP");
    long before = n.readsServedBy("standby");
    assertThat(n.get(Http.API + "/requests/" + id + ".json").status()).isEqualTo(200);
    assertThat(n.readsServedBy("standby")).as("back in rotation, the standby serves reads").isGreaterThan(before);
  }

  @Test
  void aReplicaThatDoesNotAnswerIsOutOfRotationAndReadsGoOn() throws Exception {
    Node n = patient;
    JsonNode gone = n.replica("gone");
    assertThat(gone.get("status").asText()).isEqualTo("OUT");
    assertThat(gone.get("detail").asText()).isEqualTo("does not answer");
    assertThat(gone.toString()).doesNotContain(String.valueOf(deadPort));
    String id = id(n.post("3 Gone Street"));
    for (int i = 0; i < 4; i++) {
      assertThat(n.get(Http.API + "/requests/" + id + ".json").status()).isEqualTo(200);
    }
    assertThat(n.readsServedBy("gone")).isZero();
    assertThat(n.http.get("/health/ready").json().get("status").asText()).as("readiness is the primary's")
        .isEqualTo("UP");
  }

  /** A server node over the test database and a client of it. */
  private record Node(Application app, Http http) {
    /** Reads from the standby's copy of the test database (and from {@code more} replicas, listed first). */
    static Node start(int maxLagSeconds, ReplicaSettings... more) throws Exception {
      String url = db.settings().url();
      List<ReplicaSettings> replicas = new ArrayList<>(List.of(more));
      replicas.add(new ReplicaSettings(on(STANDBY, url.substring(url.lastIndexOf('/') + 1)), null, null, "standby"));
      Configuration c = ConfigurationLoader.validate(TestConfig.city().build(db.settings()
          .withReplicas(replicas, maxLagSeconds)), "test");
      Application app = Application.start(c, "127.0.0.1");
      return new Node(app, new Http(app.port()));
    }

    JsonNode replica(String name) {
      Answer ready = http.get("/health/ready");
      assertThat(ready.status()).as(ready.text()).isEqualTo(200);
      return ready.json().get("replicas").get(name);
    }

    void awaitReplica(String name, String status) throws InterruptedException {
      long deadline = System.currentTimeMillis() + 15_000;
      JsonNode r = replica(name);
      while (!r.get("status").asText().equals(status) && System.currentTimeMillis() < deadline) {
        Thread.sleep(100);
        r = replica(name);
      }
      assertThat(r.get("status").asText()).as(name + " " + r).isEqualTo(status);
    }

    Answer post(String address) {
      Answer a = http.postForm(Http.API + "/requests.json",
          Http.form("api_key", TestConfig.KEY, "service_code", "POT", "address_string", address));
      assertThat(a.status()).as(a.text()).isEqualTo(200);
      return a;
    }

    Answer get(String path, String... headers) {
      HttpRequest.Builder b = HttpRequest.newBuilder(http.uri(path)).GET();
      for (int i = 0; i < headers.length; i += 2) {
        b.header(headers[i], headers[i + 1]);
      }
      return http.send(b);
    }

    /** Connections the node's reads took from {@code server} (a replica's name, or primary). */
    long readsServedBy(String server) {
      String metrics = http.get("/metrics").text();
      return metrics.lines().filter(l -> l.startsWith("civic311_database_read_connections_total{")
              && l.contains("server=\"" + server + "\""))
          .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
  }

  /** The same server and port as {@code url}, another database. */
  private static String on(String url, String database) {
    int slash = url.lastIndexOf('/');
    int query = url.indexOf('?', slash);
    return url.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query));
  }

  private static Connection standby() throws SQLException {
    return DriverManager.getConnection(STANDBY, System.getenv().getOrDefault("CIVIC311_TEST_POSTGRES_USER", "postgres"),
        System.getenv().getOrDefault("CIVIC311_TEST_POSTGRES_PASSWORD", "postgres"));
  }

  /** Stops replay on the standby and waits until it has stopped. */
  private static void pauseReplay() throws Exception {
    try (Connection c = standby(); Statement s = c.createStatement()) {
      s.execute("SELECT pg_wal_replay_pause()");
      long deadline = System.currentTimeMillis() + 10_000;
      while (true) {
        try (ResultSet rs = s.executeQuery("SELECT pg_get_wal_replay_pause_state()")) {
          rs.next();
          if (rs.getString(1).equals("paused")) {
            return;
          }
        }
        assertThat(System.currentTimeMillis()).as("replay paused within 10 s").isLessThan(deadline);
        Thread.sleep(20);
      }
    }
  }

  private static void resumeReplay() throws SQLException {
    try (Connection c = standby(); Statement s = c.createStatement()) {
      s.execute("SELECT pg_wal_replay_resume()");
    }
  }

  private static String id(Answer posted) {
    return posted.json().get(0).get("service_request_id").asText();
  }

  /** The {@code name=value} of the cookie an answer sets. */
  private static String cookie(Answer a, String name) {
    return a.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
        .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow(() -> new AssertionError(
            "no " + name + " cookie in " + a.headers().map()));
  }
}
