package org.civic311.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.civic311.georeport.Format;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Errors are typed, busy servers are retried, and no answer can hold a call forever or fill memory. */
class FailuresTest {
  FakeServer server;
  GeoReportClient client;
  final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void start() {
    server = new FakeServer();
    client = GeoReportClient.create(ClientConfig.builder().baseUrl(server.url("/v2"))
        .callTimeout(Duration.ofSeconds(1)).maxRetryWait(Duration.ofMillis(50)).maxAnswerBytes(64 * 1024).build());
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.close();
  }

  @Test
  void aJsonErrorDocumentGivesItsCodeAndDescription() {
    server.serve("/v2/requests/9.xml", 404, "application/json",
        "[{\"code\":\"404\",\"description\":\"no request 9\"}]".getBytes());
    assertThatThrownBy(() -> client.request("9")).isInstanceOfSatisfying(GeoReportException.class, e -> {
      assertThat(e.status()).isEqualTo(404);
      assertThat(e.code()).isEqualTo(404);
      assertThat(e.description()).isEqualTo("no request 9");
    });
  }

  @Test
  void anHtmlErrorPageIsAnUnexpectedAnswerShowingItsStart() {
    server.serve("/v2/services.xml", 500, "text/html",
        "<html><head><title>Internal Server Error</title></head><body>oops</body></html>".getBytes());
    assertThatThrownBy(() -> client.services()).isInstanceOfSatisfying(UnexpectedAnswerException.class, e -> {
      assertThat(e.status()).isEqualTo(500);
      assertThat(e.contentType()).isEqualTo("text/html");
      assertThat(e.excerpt()).startsWith("<html><head><title>Internal Server Error");
      assertThat(e.getMessage()).contains("GET services").contains("without a GeoReport error document");
    });
  }

  @Test
  void anHtmlPageWithStatus200IsNotAServiceList() {
    server.serve("/v2/services.xml", 200, "text/html", "<!DOCTYPE html><html><body>Welcome</body></html>".getBytes());
    assertThatThrownBy(() -> client.services()).isInstanceOf(UnexpectedAnswerException.class)
        .hasMessageContaining("not a service list");
  }

  @Test
  void tooManyRequestsIsRetriedAfterRetryAfter() {
    int[] calls = {0};
    server.on("/v2/services.xml", c -> {
      if (calls[0]++ < 2) {
        c.answer(429, "text/xml", "<errors><error><code>429</code><description>slow down</description></error></errors>",
            "Retry-After", "0");
      } else {
        c.answer(200, "text/xml", "<services><service><service_code>A</service_code><service_name>A</service_name>"
            + "<type>realtime</type></service></services>");
      }
    });
    assertThat(client.services()).singleElement().extracting(s -> s.code()).isEqualTo("A");
    assertThat(calls[0]).isEqualTo(3);
  }

  @Test
  void aServerStillBusyAfterEveryRetryIsReportedWithItsError() {
    server.serve("/v2/services.xml", 503, "text/xml",
        "<errors><error><code>503</code><description>maintenance</description></error></errors>".getBytes());
    assertThatThrownBy(() -> client.services()).isInstanceOfSatisfying(GeoReportException.class,
        e -> assertThat(e.description()).isEqualTo("maintenance"));
    assertThat(server.calls()).hasSize(1 + client.config().maxRetries());
  }

  @Test
  void aPostIsNotRetriedOnABare503() {
    server.serve("/v2/requests.xml", 503, "text/plain", "busy".getBytes());
    assertThatThrownBy(() -> client.post(NewRequest.builder("A").address("here").build()))
        .isInstanceOf(UnexpectedAnswerException.class);
    assertThat(server.calls()).hasSize(1);
  }

  @Test
  void retryAfterAsAnHttpDateIsRead() {
    HttpAnswer a = new HttpAnswer("GET x", java.net.URI.create("http://x/"), 429,
        java.net.http.HttpHeaders.of(java.util.Map.of("Retry-After", java.util.List.of("Wed, 21 Oct 2015 07:28:00 GMT")),
            (k, v) -> true), new byte[0], true, 0);
    assertThat(Transport.retryAfter(a)).contains(Duration.ZERO);
  }

  @Test
  void aHangingServerTimesOutNamingTheCall() {
    server.on("/v2/services.xml", c -> {
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> client.services()).isInstanceOfSatisfying(CallTimeoutException.class, e -> {
      assertThat(e.call()).isEqualTo("GET services");
      assertThat(e.getMessage()).contains("GET services").contains("1000 ms");
    });
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aServerThatDripsItsBodyTimesOutToo() {
    server.on("/v2/services.xml", c -> {
      c.exchange().getResponseHeaders().set("Content-Type", "text/xml");
      c.exchange().sendResponseHeaders(200, 0);
      OutputStream out = c.exchange().getResponseBody();
      for (int i = 0; i < 100 && release.getCount() > 0; i++) {
        out.write("<services>".getBytes());
        out.flush();
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    assertThatThrownBy(() -> client.services()).isInstanceOf(CallTimeoutException.class);
  }

  @Test
  void aHugeBodyIsCutAtTheLimit() {
    server.on("/v2/services.xml", c -> {
      c.exchange().getResponseHeaders().set("Content-Type", "text/xml");
      c.exchange().sendResponseHeaders(200, 0);
      OutputStream out = c.exchange().getResponseBody();
      byte[] chunk = new byte[64 * 1024];
      java.util.Arrays.fill(chunk, (byte) ' ');
      // A gigabyte, unless the client stops reading first (it must).
      for (int i = 0; i < 16 * 1024 && release.getCount() > 0; i++) {
        out.write(chunk);
      }
    });
    assertThatThrownBy(() -> client.services()).isInstanceOf(UnexpectedAnswerException.class)
        .hasMessageContaining("larger than the limit");
  }

  @Test
  void anUnreachableServerIsAConnectionException() {
    int port = server.port();
    server.close();
    GeoReportClient gone = GeoReportClient.create(ClientConfig.builder().baseUrl("http://127.0.0.1:" + port + "/v2")
        .format(Format.JSON).build());
    assertThatThrownBy(gone::services).isInstanceOf(ConnectionException.class).hasMessageContaining("GET services");
  }

  @Test
  void aBadSettingIsRefusedWhenBuilt() {
    assertThatThrownBy(() -> ClientConfig.builder().baseUrl("ftp://example.org").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http or https");
    assertThatThrownBy(() -> ClientConfig.builder().build()).hasMessageContaining("base URL or a discovery URL");
    assertThatThrownBy(() -> ClientConfig.builder().baseUrl("http://x").maxRetries(-1))
        .hasMessageContaining("maxRetries");
    ClientConfig c = ClientConfig.builder().baseUrl("http://x/open311/v2/").apiKey("secret").build();
    assertThat(c.baseUrl()).hasToString("http://x/open311/v2");
    assertThat(c.toString()).doesNotContain("secret");
    assertThat(c.newBuilder().jurisdiction("j").build().apiKey()).isEqualTo("secret");
  }

  @Test
  void theKeyNeverShowsInAMessage() {
    GeoReportClient keyed = GeoReportClient.create(client.config().newBuilder().apiKey("s3cret").build());
    server.serve("/v2/servicerequestupdates.xml", 500, "text/plain", "down".getBytes());
    assertThatThrownBy(() -> keyed.updates(null, null)).isInstanceOfSatisfying(UnexpectedAnswerException.class, e -> {
      assertThat(e.getMessage()).doesNotContain("s3cret").contains("api_key=***");
      assertThat(e.uri().toString()).doesNotContain("s3cret");
    });
    assertThat(server.calls()).anyMatch(c -> c.contains("api_key=s3cret"));
  }
}
