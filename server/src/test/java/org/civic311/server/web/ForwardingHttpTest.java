package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.server.testing.Http.form;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.civic311.server.app.Application;
import org.civic311.server.config.Configuration;
import org.civic311.server.config.ConfigurationLoader;
import org.civic311.server.config.UpstreamSettings;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.Http;
import org.civic311.server.testing.ServerFixture;
import org.civic311.server.testing.StaffAccounts;
import org.civic311.server.testing.StaffClient;
import org.civic311.server.testing.TestConfig;
import org.civic311.server.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Forwarding through the outbox to a real second Civic311 server, and to misbehaving upstreams
 * written here, on both stores.
 */
public class ForwardingHttpTest {
  static final String API = "/open311/v2";

  public static UpstreamSettings upstream(String baseUrl, int timeoutSeconds) {
    return new UpstreamSettings(baseUrl, TestConfig.KEY, TestConfig.CITY, null, Map.of(), Map.of(), timeoutSeconds, 1, 1);
  }

  public static String post(Http http, String description) {
    Answer a = http.postForm(API + "/requests.json", form("api_key", TestConfig.KEY, "service_code", "POT",
        "lat", "40.7", "long", "-74.0", "description", description, "email", "resident@example.org"));
    assertThat(a.status()).as(a.text()).isEqualTo(200);
    return a.json().get(0).get("service_request_id").asText();
  }

  /** The outbox row: state, attempts, upstream id, last error. */
  record Row(String state, int attempts, String upstreamId, String error) {}

  static Row row(TestDatabase db, String id) throws SQLException {
    try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(
        "SELECT state, attempts, upstream_id, last_error FROM forward_outbox WHERE request_id = ?")) {
      s.setLong(1, Long.parseLong(id));
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? new Row(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)) : null;
      }
    }
  }

  static Row await(TestDatabase db, String id, String state) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(40).toNanos();
    Row r = null;
    while (System.nanoTime() < end) {
      r = row(db, id);
      if (r != null && r.state().equals(state)) {
        return r;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("outbox row of " + id + " never became " + state + "; last " + r);
  }

  static long countOn(ServerFixture server, String description) throws SQLException {
    try (Connection c = server.connect();
        PreparedStatement s = c.prepareStatement("SELECT count(*) FROM service_requests WHERE description = ?")) {
      s.setString(1, description);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Test
  void aPostOnAAppearsOnBWithBsIdStoredOnA() throws Exception {
    try (ServerFixture b = ServerFixture.start(TestConfig.city());
        ServerFixture a = ServerFixture.start(TestConfig.city().upstream(
            upstream("http://127.0.0.1:" + b.http().port() + API, 10)))) {
      String text = "forwarded " + UUID.randomUUID();
      String id = post(a.http(), text);
      Row sent = await(a.database(), id, "sent");
      assertThat(sent.attempts()).isEqualTo(1);
      assertThat(sent.upstreamId()).isNotBlank();
      var onB = b.http().get(API + "/requests/" + sent.upstreamId() + ".json").json().get(0);
      assertThat(onB.get("description").asText()).isEqualTo(text);
      assertThat(onB.get("service_code").asText()).isEqualTo("POT");
      assertThat(countOn(b, text)).isEqualTo(1);

      // A's commit of "sent" lost (as after a crash): A sends again, and B's idempotency keeps one.
      try (Connection c = a.connect(); PreparedStatement s = c.prepareStatement(
          "UPDATE forward_outbox SET state = 'waiting', upstream_id = NULL, next_try_at = 0 WHERE request_id = ?")) {
        s.setLong(1, Long.parseLong(id));
        assertThat(s.executeUpdate()).isEqualTo(1);
      }
      Row again = await(a.database(), id, "sent");
      assertThat(again.upstreamId()).isEqualTo(sent.upstreamId());
      assertThat(countOn(b, text)).isEqualTo(1);

      String other = post(b.http(), "not forwarded " + UUID.randomUUID());
      assertThat(row(b.database(), other)).as("B forwards nothing").isNull();

      // B's progress comes back to A as an update of A's request.
      Answer fixed = b.http().postForm(API + "/servicerequestupdates.json", form("api_key", TestConfig.KEY,
          "service_request_id", sent.upstreamId(), "update_id", "B-" + id, "status", "FIXED",
          "updated_datetime", "2026-06-01T10:00:00Z", "description", "Filled by the council"));
      assertThat(fixed.status()).as(fixed.text()).isEqualTo(200);
      long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      var onA = a.http().get(API + "/requests/" + id + ".json").json().get(0);
      while (!onA.get("status").asText().equals("closed") && System.nanoTime() < end) {
        Thread.sleep(200);
        onA = a.http().get(API + "/requests/" + id + ".json").json().get(0);
      }
      assertThat(onA.get("status").asText()).isEqualTo("closed");
      assertThat(onA.get("status_notes").asText()).isEqualTo("Filled by the council");
      Thread.sleep(2500);
      var history = a.http().get(API + "/requests/" + id + ".json?extensions=true").json().get(0).get("notes");
      assertThat(history).as("one update, however many passes").hasSize(1);
    }
  }

  @Test
  void fiveHundredsHtmlAndSlownessAreRetriedThenDelivered() throws Exception {
    List<String> keys = new CopyOnWriteArrayList<>();
    try (FakeUpstream fake = new FakeUpstream(keys, n -> switch (n) {
          case 1 -> new Reply(500, "application/json", "[{\"code\":500,\"description\":\"database down\"}]", 0);
          case 2 -> new Reply(502, "text/html", "<html><body>Bad gateway</body></html>", 0);
          case 3 -> new Reply(200, "application/json", "[{\"service_request_id\":\"late\"}]", 3000);
          default -> new Reply(200, "application/json", "[{\"service_request_id\":\"U-77\"}]", 0);
        });
        ServerFixture a = ServerFixture.start(TestConfig.city().upstream(upstream(fake.url(), 1)))) {
      String id = post(a.http(), "retried " + UUID.randomUUID());
      Row sent = await(a.database(), id, "sent");
      assertThat(sent.upstreamId()).isEqualTo("U-77");
      assertThat(sent.attempts()).isEqualTo(4);
      assertThat(keys).hasSize(4).containsOnly("civic311:" + TestConfig.CITY + ":" + id);
    }
  }

  @Test
  void aFourHundredErrorDocumentStopsWithTheUpstreamsWordsUntilStaffRetry() throws Exception {
    List<String> keys = new CopyOnWriteArrayList<>();
    try (FakeUpstream fake = new FakeUpstream(keys, n -> n == 1
            ? new Reply(400, "application/json", "[{\"code\":400,\"description\":\"service_code POT is unknown here\"}]", 0)
            : new Reply(200, "application/json", "[{\"token\":\"T-1\"}]", 0));
        ServerFixture a = ServerFixture.start(TestConfig.city().upstream(upstream(fake.url(), 5)))) {
      String id = post(a.http(), "refused " + UUID.randomUUID());
      Row failed = await(a.database(), id, "failed");
      assertThat(failed.attempts()).isEqualTo(1);
      assertThat(failed.error()).contains("service_code POT is unknown here");
      Thread.sleep(2500);
      assertThat(row(a.database(), id).state()).as("no retry on its own").isEqualTo("failed");
      assertThat(keys).hasSize(1);

      StaffAccounts.create(a, "worker", "administrator");
      StaffClient staff = StaffClient.signIn(a.http(), "worker", StaffAccounts.PASSWORD);
      String page = "/staff/requests/" + TestConfig.CITY + "/" + id;
      String html = staff.get(page).text();
      assertThat(html).contains("failed to " + TestConfig.CITY).contains("service_code POT is unknown here")
          .contains("forward-retry-form");
      assertThat(StaffClient.anonymous(a.http()).post(page + "/forward-retry").status()).isNotEqualTo(303);
      assertThat(row(a.database(), id).state()).as("refused without a session").isEqualTo("failed");
      Answer retried = staff.post(page + "/forward-retry");
      assertThat(retried.status()).as(retried.text()).isEqualTo(303);
      Row sent = await(a.database(), id, "sent");
      assertThat(sent.attempts()).isEqualTo(2);
      assertThat(staff.get(page).text()).contains("T-1").doesNotContain("forward-retry-form");
      var extended = a.http().get(API + "/requests/" + id + ".json?extensions=true").json().get(0);
      assertThat(extended.get("extended_attributes").get("upstream_service_request_id").asText()).isEqualTo("T-1");
    }
  }

  @Test
  void anUndeliveredRowIsDeliveredAfterARestart() throws Exception {
    List<String> keys = new CopyOnWriteArrayList<>();
    try (TestDatabase db = TestDatabase.fresh();
        FakeUpstream down = new FakeUpstream(keys, n -> new Reply(503, "text/plain", "maintenance", 0));
        ServerFixture b = ServerFixture.start(TestConfig.city())) {
      String text = "after restart " + UUID.randomUUID();
      String id;
      Application first = start(TestConfig.city().upstream(upstream(down.url(), 5)), db);
      try {
        id = post(new Http(first.port()), text);
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (keys.isEmpty() && System.nanoTime() < end) {
          Thread.sleep(100);
        }
        assertThat(keys).isNotEmpty();
      } finally {
        first.close();
      }
      Row waiting = row(db, id);
      assertThat(waiting.state()).isEqualTo("waiting");
      assertThat(waiting.error()).contains("503");

      Application second = start(TestConfig.city().upstream(
          upstream("http://127.0.0.1:" + b.http().port() + API, 10)), db);
      try {
        Row sent = await(db, id, "sent");
        assertThat(b.http().get(API + "/requests/" + sent.upstreamId() + ".json").json().get(0)
            .get("description").asText()).isEqualTo(text);
      } finally {
        second.close();
      }
    }
  }

  @Test
  void anUnreachableUpstreamIsAWarningNotACrash() throws Exception {
    int closedPort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    try (ServerFixture a = ServerFixture.start(TestConfig.city().upstream(
        upstream("http://127.0.0.1:" + closedPort + API, 2)))) {
      String id = post(a.http(), "unreachable " + UUID.randomUUID());
      long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      Row r = row(a.database(), id);
      while ((r.attempts() == 0) && System.nanoTime() < end) {
        Thread.sleep(100);
        r = row(a.database(), id);
      }
      assertThat(r.state()).isEqualTo("waiting");
      assertThat(r.attempts()).isPositive();
      assertThat(r.error()).isNotBlank();
    }
  }

  private static Application start(TestConfig config, TestDatabase db) throws Exception {
    Configuration c = ConfigurationLoader.validate(config.build(db.settings()), "test");
    return Application.start(c, "127.0.0.1");
  }

  public record Reply(int status, String type, String body, long delayMillis) {}

  /** An upstream that answers POST requests as the script says, and GET services with none. */
  public static final class FakeUpstream implements AutoCloseable {
    private final HttpServer server;
    private final AtomicInteger posts = new AtomicInteger();

    public FakeUpstream(List<String> keys, IntFunction<Reply> script) throws IOException {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/", x -> answer(x, keys, script));
      server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
      server.start();
    }

    public String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + API;
    }

    private void answer(HttpExchange x, List<String> keys, IntFunction<Reply> script) throws IOException {
      x.getRequestBody().readAllBytes();
      Reply r;
      if (x.getRequestMethod().equals("POST") && x.getRequestURI().getPath().endsWith("/requests.json")) {
        keys.add(x.getRequestHeaders().getFirst("Idempotency-Key"));
        r = script.apply(posts.incrementAndGet());
      } else if (x.getRequestURI().getPath().endsWith("/services.json")) {
        r = new Reply(200, "application/json", "[]", 0);
      } else {
        r = new Reply(404, "text/plain", "no", 0);
      }
      try {
        Thread.sleep(r.delayMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
      x.getResponseHeaders().set("Content-Type", r.type());
      try {
        x.sendResponseHeaders(r.status(), body.length);
        x.getResponseBody().write(body);
      } catch (IOException e) {
        // the caller gave up waiting: that is the test
      }
      x.close();
    }

    @Override
    public void close() {
      server.stop(0);
      ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
  }
}
