package org.civic311.server.web.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.server.testing.Http.form;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.civic311.server.config.LiveSettings;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.RunningServer;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Webhooks end to end: a key registers a receiver (a real HTTP server on this machine, which the
 * configuration allows), events are POSTed to it signed, a receiver that is down gets every event
 * afterwards in order, redirects are not followed, and a test event can be sent at will.
 */
class WebhookHttpTest {
  static final String API = "/open311/v2";
  static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final RunningServer server = new RunningServer(TestConfig.city().live(new LiveSettings(null, true)));

  record Received(String path, String signature, String eventId, String type, String body) {}

  static HttpServer receiver;
  static final List<Received> received = new CopyOnWriteArrayList<>();
  /** What the receiver answers: 200, or 503 while it is "down", or 302. */
  static volatile int answer = 200;

  @BeforeAll
  static void startReceiver() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/", ex -> {
      byte[] body = ex.getRequestBody().readAllBytes();
      int status = answer;
      if (status == 200) {
        received.add(new Received(ex.getRequestURI().getPath(), ex.getRequestHeaders().getFirst("Civic311-Signature"),
            ex.getRequestHeaders().getFirst("Civic311-Event-Id"), ex.getRequestHeaders().getFirst("Civic311-Event-Type"),
            new String(body, StandardCharsets.UTF_8)));
      }
      if (status == 302) {
        ex.getResponseHeaders().add("Location", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/moved");
      }
      ex.sendResponseHeaders(status, -1);
      ex.close();
    });
    receiver.start();
  }

  @AfterAll
  static void stopReceiver() {
    receiver.stop(0);
  }

  @BeforeEach
  void clear() {
    received.clear();
    answer = 200;
  }

  static String url(String path) {
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
  }

  static JsonNode register(String path, String... filters) {
    List<String> pairs = new ArrayList<>(List.of("api_key", TestConfig.KEY, "url", url(path)));
    pairs.addAll(List.of(filters));
    Answer a = server.http().postForm(API + "/webhooks.json", form(pairs.toArray(String[]::new)));
    assertThat(a.status()).as(a.toString()).isEqualTo(200);
    return a.json().get(0);
  }

  static String post(String service, String description) {
    List<String> pairs = new ArrayList<>(List.of("api_key", TestConfig.KEY, "service_code", service, "description",
        description, "lat", "40.71", "long", "-74.01", "email", "hookprobe@example.net"));
    if (service.equals("LAMP")) {
      pairs.addAll(List.of("attribute[FAULT]", "DARK"));
    }
    Answer a = server.http().postForm(API + "/requests.json", form(pairs.toArray(String[]::new)));
    assertThat(a.status()).as(a.toString()).isEqualTo(200);
    return a.json().get(0).get("service_request_id").asText();
  }

  static List<Received> waitFor(String path, int n, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      List<Received> mine = received.stream().filter(r -> r.path().equals(path)).toList();
      if (mine.size() >= n) {
        return mine;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("got " + received.stream().filter(r -> r.path().equals(path)).count() + " of " + n
        + " deliveries at " + path);
  }

  static void remove(JsonNode hook) {
    Answer a = server.http().postForm(API + "/webhooks/remove.json", form("api_key", TestConfig.KEY, "webhook_id",
        hook.get("webhook_id").asText()));
    assertThat(a.status()).as(a.toString()).isEqualTo(200);
  }

  @Test
  void eventsArePostedSignedWithTheirIdAndFiltered() throws Exception {
    JsonNode hook = register("/signed", "service_code", "POT");
    String secret = hook.get("secret").asText();
    assertThat(secret).hasSizeGreaterThanOrEqualTo(32);
    post("LAMP", "Not for this hook");
    String pot = post("POT", "For this hook");
    Received r = waitFor("/signed", 1, Duration.ofSeconds(5)).get(0);
    JsonNode event = JSON.readTree(r.body());
    assertThat(event.get("type").asText()).isEqualTo("request.created");
    assertThat(event.get("service_request_id").asText()).isEqualTo(pot);
    assertThat(r.eventId()).isEqualTo(event.get("id").asText());
    assertThat(r.body()).doesNotContain("hookprobe@example.net");
    String t = r.signature().replaceAll("^t=(\\d+),v1=.*$", "$1");
    String v1 = r.signature().replaceAll("^t=\\d+,v1=([0-9a-f]{64})$", "$1");
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
    assertThat(v1).isEqualTo(expected);
    assertThat(Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(t))).isLessThan(60);
    Thread.sleep(300);
    assertThat(received.stream().filter(x -> x.path().equals("/signed"))).hasSize(1);
    // The list shows the hook and its deliveries, and never the secret again.
    Answer list = server.http().get(API + "/webhooks.json?api_key=" + TestConfig.KEY);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.text()).doesNotContain(secret).contains("delivered");
    remove(hook);
  }

  @Test
  void aReceiverThatWasDownGetsEveryEventAfterwardsInOrder() throws Exception {
    JsonNode hook = register("/flaky", "service_code", "POT");
    answer = 503;
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ids.add(post("POT", "While the receiver is down " + i));
    }
    Thread.sleep(1500);
    assertThat(received).isEmpty();
    Answer list = server.http().get(API + "/webhooks.json?api_key=" + TestConfig.KEY);
    assertThat(list.text()).contains("\"status\":503");
    answer = 200;
    List<Received> got = waitFor("/flaky", 4, Duration.ofSeconds(10));
    List<String> requests = new ArrayList<>();
    List<Long> eventIds = new ArrayList<>();
    for (Received r : got) {
      requests.add(JSON.readTree(r.body()).get("service_request_id").asText());
      eventIds.add(Long.parseLong(r.eventId()));
    }
    assertThat(requests).containsExactlyElementsOf(ids);
    assertThat(eventIds).isSorted().doesNotHaveDuplicates();
    remove(hook);
  }

  @Test
  void redirectsAreNotFollowedAndATestEventCanBeSent() throws Exception {
    JsonNode hook = register("/redirecting");
    answer = 302;
    Answer test = server.http().postForm(API + "/webhooks/test.json", form("api_key", TestConfig.KEY, "webhook_id",
        hook.get("webhook_id").asText()));
    assertThat(test.status()).as(test.toString()).isEqualTo(200);
    assertThat(test.json().get(0).get("status").asInt()).isEqualTo(302);
    assertThat(test.json().get(0).get("outcome").asText()).contains("redirect not followed");
    answer = 200;
    Answer again = server.http().postForm(API + "/webhooks/test.json", form("api_key", TestConfig.KEY, "webhook_id",
        hook.get("webhook_id").asText()));
    assertThat(again.json().get(0).get("status").asInt()).isEqualTo(200);
    Received r = waitFor("/redirecting", 1, Duration.ofSeconds(2)).get(0);
    assertThat(r.type()).isEqualTo("webhook.test");
    assertThat(received).noneMatch(x -> x.path().equals("/moved"));
    remove(hook);
  }

  @Test
  void badHooksGetClearMessages() {
    record Bad(String url, String message) {}
    for (Bad b : List.of(new Bad("ftp://example.org/x", "http or https"), new Bad("not a url", "http or https"),
        new Bad("http:///path", "host"), new Bad("http://user:pw@example.org/", "user name"))) {
      Answer a = server.http().postForm(API + "/webhooks.json", form("api_key", TestConfig.KEY, "url", b.url()));
      assertThat(a.status()).as(b.url()).isEqualTo(400);
      assertThat(a.text()).as(b.url()).contains(b.message());
    }
    Answer filter = server.http().postForm(API + "/webhooks.json", form("api_key", TestConfig.KEY, "url",
        url("/x"), "status", "pending"));
    assertThat(filter.status()).isEqualTo(400);
    assertThat(filter.text()).contains("status");
    Answer noKey = server.http().postForm(API + "/webhooks.json", form("url", url("/x")));
    assertThat(noKey.status()).isEqualTo(403);
    Answer unknown = server.http().postForm(API + "/webhooks/remove.json", form("api_key", TestConfig.KEY,
        "webhook_id", "424242"));
    assertThat(unknown.status()).isEqualTo(404);
  }
}
