package org.civic311.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.Http;
import org.civic311.server.testing.ServerFixture;
import org.civic311.server.testing.TestConfig;
import org.civic311.server.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Stops the PostgreSQL cluster under a running server, as an outage would, and starts it again.
 * Needs root and Debian's pg_ctlcluster; the cluster is named by CIVIC311_TEST_PG_CLUSTER
 * (default "15 main").
 */
class DatabaseOutageTest {
  @org.junit.jupiter.api.BeforeAll
  static void needsPostgres() {
    org.junit.jupiter.api.Assumptions.assumeTrue(TestDatabase.postgres(), "runs in the PostgreSQL suite");
  }


  static void cluster(String action) throws IOException, InterruptedException {
    String[] cluster = System.getenv().getOrDefault("CIVIC311_TEST_PG_CLUSTER", "15 main").split(" ");
    Process p = new ProcessBuilder("pg_ctlcluster", cluster[0], cluster[1], action).inheritIO().start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("pg_ctlcluster " + action).isZero();
  }

  static String post(Http http, String address) {
    Answer a = http.postForm(Http.API + "/requests.json",
        Http.form("api_key", TestConfig.KEY, "service_code", "POT", "address_string", address));
    assertThat(a.status()).as(a.text()).isEqualTo(200);
    return a.json().get(0).get("service_request_id").asText();
  }

  @Test
  void anOutageAnswers503PromptlyAndRecoversWithNothingLost() throws Exception {
    try (ServerFixture server = ServerFixture.start(TestConfig.city())) {
      Http http = server.http();
      List<String> acknowledged = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        acknowledged.add(post(http, "before " + i));
      }
      try {
        cluster("stop");
        for (String path : new String[] {"/requests.json", "/requests/" + acknowledged.get(0) + ".xml"}) {
          long started = System.nanoTime();
          Answer down = http.get(Http.API + path);
          long ms = (System.nanoTime() - started) / 1_000_000;
          assertThat(down.status()).as(path).isEqualTo(503);
          assertThat(down.text()).contains("database is unavailable").doesNotContain("Exception");
          assertThat(ms).as("answered within the bounded timeout").isLessThan(10_000);
        }
        Answer refused = http.postForm(Http.API + "/requests.json",
            Http.form("api_key", TestConfig.KEY, "service_code", "POT", "address_string", "during"));
        assertThat(refused.status()).as(refused.text()).isEqualTo(503);
        assertThat(refused.json().get(0).get("code").asInt()).isEqualTo(refused.status());
      } finally {
        cluster("start");
      }
      long deadline = System.currentTimeMillis() + 60_000;
      Answer back = http.get(Http.API + "/requests.json");
      while (back.status() != 200 && System.currentTimeMillis() < deadline) {
        Thread.sleep(250);
        back = http.get(Http.API + "/requests.json");
      }
      assertThat(back.status()).as("recovered by itself").isEqualTo(200);
      acknowledged.add(post(http, "after"));
      String listed = http.get(Http.API + "/requests.json").text();
      for (String id : acknowledged) {
        assertThat(listed).contains("\"service_request_id\":\"" + id + "\"");
      }
    }
  }
}
