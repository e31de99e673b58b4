package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.server.testing.Http.form;

import java.net.http.HttpRequest;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.RunningServer;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Without {@code server.trust_forwarded_headers} (the default), a client cannot name its own
 * address: the per-address limit counts the connection's address whatever X-Forwarded-For says.
 */
class ForwardedHeadersHttpTest {
  @RegisterExtension
  static final RunningServer server = new RunningServer(TestConfig.city().distrustForwardedHeaders()
      .pageLimit(1, 10));

  @Test
  void aForgedForwardedForDoesNotEscapeTheReportLimit() {
    int accepted = 0;
    Answer last = null;
    for (int i = 0; i < 12; i++) {
      last = server.http().send(HttpRequest.newBuilder(server.http().uri("/report/POT"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("X-Forwarded-For", "10.77.0." + i) // a new address each time: ignored
          .POST(HttpRequest.BodyPublishers.ofString(form("address_string", "1 Forged St", "description", "x"))));
      if (last.status() != 429) {
        accepted++;
      }
    }
    assertThat(accepted).isEqualTo(10);
    assertThat(last.status()).isEqualTo(429);
  }

  @Test
  void discoveryNamesTheAddressTheClientReallyUsed() {
    Answer a = server.http().send(HttpRequest.newBuilder(server.http().uri("/open311/v2/discovery.json"))
        .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "evil.example.com").GET());
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.text()).doesNotContain("evil.example.com").contains("http://");
  }
}
