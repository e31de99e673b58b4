package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.server.testing.Http.form;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.RunningServer;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code Idempotency-Key} on the API's POSTs, through real HTTP on both stores. */
class IdempotencyHttpTest {
  static final String API = "/open311/v2";
  @RegisterExtension
  static final RunningServer server = new RunningServer(TestConfig.city());

  static Answer post(String path, String key, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(server.http().uri(API + path))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.ISO_8859_1))
        .header("Content-Type", "application/x-www-form-urlencoded");
    if (key != null) {
      b.header("Idempotency-Key", key);
    }
    return server.http().send(b);
  }

  static String pothole(String description) {
    return form("api_key", TestConfig.KEY, "service_code", "POT", "lat", "40.7", "long", "-74.0",
        "description", description);
  }

  static long count(String description) throws Exception {
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
  void discoveryNamesTheHeaderAndHowLongKeysLast() {
    var d = server.http().get(API + "/discovery.json").json();
    assertThat(d.get("idempotency_key_header").asText()).isEqualTo("Idempotency-Key");
    assertThat(d.get("idempotency_key_hours").asInt()).isEqualTo(24);
    assertThat(server.http().get(API + "/discovery.xml").text())
        .contains("<idempotency_key_header>Idempotency-Key</idempotency_key_header>");
  }

  @Test
  void aRepeatGetsTheFirstAnswerAndCreatesNothing() throws Exception {
    String key = UUID.randomUUID().toString();
    String text = "repeat " + key;
    Answer first = post("/requests.json", key, pothole(text));
    assertThat(first.status()).as(first.text()).isEqualTo(200);
    Answer again = post("/requests.json", key, pothole(text));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.text()).isEqualTo(first.text());
    assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
    assertThat(count(text)).isEqualTo(1);
  }

  @Test
  void withoutTheHeaderEveryPostCreatesARequest() throws Exception {
    String text = "no key " + UUID.randomUUID();
    assertThat(post("/requests.json", null, pothole(text)).status()).isEqualTo(200);
    assertThat(post("/requests.json", null, pothole(text)).status()).isEqualTo(200);
    assertThat(count(text)).isEqualTo(2);
  }

  @Test
  void theSameKeyWithAnotherBodyIsA409ErrorDocument() throws Exception {
    String key = UUID.randomUUID().toString();
    String text = "first body " + key;
    assertThat(post("/requests.json", key, pothole(text)).status()).isEqualTo(200);
    Answer other = post("/requests.json", key, pothole("another body " + key));
    assertThat(other.status()).isEqualTo(409);
    assertThat(other.json().get(0).get("code").asInt()).isEqualTo(409);
    assertThat(other.json().get(0).get("description").asText()).contains("Idempotency-Key");
    assertThat(count("another body " + key)).isZero();
    Answer xml = post("/requests.xml", key, pothole(text));
    assertThat(xml.status()).as("another path is another body").isEqualTo(409);
    assertThat(xml.text()).contains("<errors><error><code>409</code>");
  }

  @Test
  void aRefusedPostFreesItsKeyForTheCorrectedOne() throws Exception {
    String key = UUID.randomUUID().toString();
    String text = "corrected " + key;
    Answer bad = post("/requests.json", key, form("api_key", TestConfig.KEY, "service_code", "NO-SUCH",
        "lat", "40.7", "long", "-74.0", "description", text));
    assertThat(bad.status()).isEqualTo(404);
    Answer good = post("/requests.json", key, pothole(text));
    assertThat(good.status()).as(good.text()).isEqualTo(200);
    assertThat(count(text)).isEqualTo(1);
  }

  @Test
  void concurrentDuplicatesCreateOneRequest() throws Exception {
    String key = UUID.randomUUID().toString();
    String text = "concurrent " + key;
    int n = 6;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Answer>> answers = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        answers.add(pool.submit(() -> {
          start.await();
          return post("/requests.json", key, pothole(text));
        }));
      }
      start.countDown();
      String body = null;
      for (Future<Answer> f : answers) {
        Answer a = f.get();
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        if (body == null) {
          body = a.text();
        }
        assertThat(a.text()).isEqualTo(body);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(count(text)).isEqualTo(1);
  }

  @Test
  void keysAreOnePerApiKeyAndMalformedKeysAreRefused() {
    Answer blank = post("/requests.json", " ", pothole("blank key"));
    assertThat(blank.status()).isEqualTo(400);
    assertThat(blank.json().get(0).get("description").asText()).contains("Idempotency-Key");
    Answer longKey = post("/requests.json", "k".repeat(256), pothole("long key"));
    assertThat(longKey.status()).isEqualTo(400);
  }

  @Test
  void updatesAreIdempotentToo() throws Exception {
    String id = post("/requests.json", null, pothole("for updates " + UUID.randomUUID()))
        .json().get(0).get("service_request_id").asText();
    String key = UUID.randomUUID().toString();
    String body = form("api_key", TestConfig.KEY, "service_request_id", id, "update_id", "U-" + key,
        "status", "IN_PROGRESS", "updated_datetime", "2026-01-02T10:00:00Z", "description", "Crew sent " + key);
    Answer first = post("/servicerequestupdates.json", key, body);
    assertThat(first.status()).as(first.text()).isEqualTo(200);
    Answer again = post("/servicerequestupdates.json", key, body);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.text()).isEqualTo(first.text());
    try (Connection c = server.connect();
        PreparedStatement s = c.prepareStatement("SELECT count(*) FROM request_updates WHERE description = ?")) {
      s.setString(1, "Crew sent " + key);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(1);
      }
    }
    Answer changed = post("/servicerequestupdates.json", key, body + "&status_notes=x");
    assertThat(changed.status()).isEqualTo(409);
  }
}
