package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import org.civic311.server.config.OperationsSettings;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.Http;
import org.civic311.server.testing.RunningServer;
import org.civic311.server.testing.ServerFixture;
import org.civic311.server.testing.TestConfig;
import org.civic311.server.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /metrics: Prometheus text for the allowed, a bare 403 for everyone else. */
class MetricsHttpTest {
  static final String API = Http.API;

  /** Loopback only, the default; tests name other client addresses in X-Forwarded-For. */
  @RegisterExtension
  static final RunningServer server = new RunningServer(TestConfig.city());

  private static Answer metrics(Http http, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(http.uri("/metrics")).GET();
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b);
  }

  @Test
  void callsAreCountedByRoutePatternMethodAndStatusWithLatencyBuckets() {
    server.http().get(API + "/services.json");
    server.http().get(API + "/services.xml");
    server.http().get(API + "/services/POT.json");
    server.http().send(HttpRequest.newBuilder(server.http().uri("/no/such/page/12345")).GET());
    Answer a = metrics(server.http());
    assertThat(a.status()).as(a.text()).isEqualTo(200);
    assertThat(a.contentType()).startsWith("text/plain");
    String text = a.text();
    assertThat(text).containsPattern("http_server_requests_seconds_count\\{application=\"civic311\",method=\"GET\","
        + "route=\"/open311/v2/services\\.\\{format}\",status=\"200\"} [2-9]\\d*");
    assertThat(text.lines().filter(l -> l.startsWith("http_server_requests_seconds_bucket{")
        && l.contains("route=\"/open311/v2/services.{format}\"") && l.contains("le=\"0.05\"")))
        .as("a latency bucket of the route").hasSize(1);
    assertThat(text).contains("route=\"/open311/v2/services/{code}.{format}\"");
    assertThat(text).containsPattern("route=\"unmatched\",status=\"404\"");
    // Never the raw path: a client cannot make new series.
    assertThat(text).doesNotContain("route=\"/open311/v2/services.json\"").doesNotContain("12345");
  }

  @Test
  void poolsWriterMailAndTheJvmAreMeasured() {
    server.http().postForm(API + "/requests.json", Http.form("api_key", TestConfig.KEY, "service_code", "POT",
        "address_string", "1 Metric St"));
    String text = metrics(server.http()).text();
    assertThat(text).contains("hikaricp_connections_active{", "hikaricp_connections_pending{",
        "hikaricp_connections_acquire_seconds_count{");
    if (!TestDatabase.postgres()) {
      assertThat(text).containsPattern("civic311_sqlite_group_commit_batch_writes_count\\{application=\"civic311\"} [1-9]");
      assertThat(text).contains("civic311_sqlite_group_commit_queued{");
    }
    assertThat(text).contains("civic311_mail_sent_total{", "civic311_mail_last_pass_age_seconds{");
    assertThat(text).contains("jvm_memory_used_bytes{", "jvm_gc_", "jvm_threads_live_threads{",
        "process_uptime_seconds{", "process_cpu_usage{");
  }

  @Test
  void anAddressOutsideTheAllowListIsRefusedWithoutDetail() {
    Answer a = metrics(server.http(), "X-Forwarded-For", "203.0.113.7");
    assertThat(a.status()).isEqualTo(403);
    assertThat(a.text().strip()).isEqualTo("forbidden");
    assertThat(a.headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  @Test
  void aTokenIsRequiredWhenSetAndTheAllowListStillHolds() throws Exception {
    String token = "metrics-token-for-the-tests";
    try (ServerFixture s = ServerFixture.start(TestConfig.city()
        .operations(new OperationsSettings(true, List.of("127.0.0.1/32", "198.51.100.0/24"), token, null)))) {
      assertThat(metrics(s.http()).status()).isEqualTo(403);
      assertThat(metrics(s.http(), "Authorization", "Bearer wrong-token-for-the-tests").status()).isEqualTo(403);
      assertThat(metrics(s.http(), "Authorization", "Bearer " + token).status()).isEqualTo(200);
      assertThat(metrics(s.http(), "Authorization", "Bearer " + token, "X-Forwarded-For", "198.51.100.20")
          .status()).isEqualTo(200);
      assertThat(metrics(s.http(), "Authorization", "Bearer " + token, "X-Forwarded-For", "198.51.101.20")
          .status()).isEqualTo(403);
    }
  }

  @Test
  void withMetricsOffThereIsNoMetricsRoute() throws Exception {
    try (ServerFixture s = ServerFixture.start(TestConfig.city()
        .operations(new OperationsSettings(false, null, null, null)))) {
      assertThat(metrics(s.http()).status()).isEqualTo(404);
      assertThat(s.http().get(API + "/services.json").status()).isEqualTo(200);
      assertThat(s.http().send(HttpRequest.newBuilder(s.http().uri("/health/ready")).GET()).status())
          .isEqualTo(200);
    }
  }
}
