package org.civic311.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.server.testing.Http.form;

import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.civic311.server.app.Application;
import org.civic311.server.storage.sql.Database;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.Http;
import org.civic311.server.testing.TestConfig;
import org.civic311.server.testing.TwoNodes;
import org.civic311.server.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes over one PostgreSQL database share the rate limits' buckets and the "me too"
 * markers: a client cannot double its budget, or its support, by reaching both nodes.
 */
class SharedLimitsTest {
  @org.junit.jupiter.api.BeforeAll
  static void needsPostgres() {
    org.junit.jupiter.api.Assumptions.assumeTrue(TestDatabase.postgres(), "runs in the PostgreSQL suite");
  }

  TwoNodes nodes;
  Application one;
  Application two;
  Http a;
  Http b;

  @BeforeEach
  void start() throws Exception {
    nodes = TwoNodes.start(TestConfig.city().apiLimits(1, 4, 1_000, 1_000)
        .pageLimit(1, 3));
    one = nodes.one;
    two = nodes.two;
    a = nodes.a;
    b = nodes.b;
  }

  @AfterEach
  void stop() throws Exception {
    nodes.close();
  }

  static Answer post(Http node) {
    return node.postForm(Http.API + "/requests.json", form("api_key", TestConfig.KEY, "service_code", "POT",
        "lat", "40.2", "long", "-74.2", "description", "shared budget"));
  }

  static Answer pagePost(Http node, String client, String path) {
    return node.send(HttpRequest.newBuilder(node.uri(path)).header("X-Forwarded-For", client)
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.noBody()));
  }

  @Test
  void aKeysBudgetIsSpentOnBothNodesTogether() {
    for (int i = 0; i < 4; i++) {
      Answer ok = post(i % 2 == 0 ? a : b);
      assertThat(ok.status()).as(ok.text()).isEqualTo(200);
      assertThat(ok.headers().firstValue("RateLimit-Remaining")).hasValue(Integer.toString(3 - i));
    }
    for (Http node : new Http[] {a, b}) {
      Answer refused = post(node);
      assertThat(refused.status()).as(refused.text()).isEqualTo(429);
      assertThat(refused.headers().firstValue("Retry-After")).isPresent();
      assertThat(refused.json().get(0).get("code").asInt()).isEqualTo(429);
    }
  }

  @Test
  void anAddressIsCountedOnBothNodesTogetherAndSupportsOnce() {
    long id = post(a).json().get(0).get("service_request_id").asLong();
    String path = "/requests/" + id + "/support";
    assertThat(pagePost(a, "10.4.0.1", path).headers().firstValue("Location").orElseThrow()).endsWith("?supported=1");
    assertThat(pagePost(b, "10.4.0.1", path).headers().firstValue("Location").orElseThrow()).endsWith("?already=1");
    assertThat(b.get(Http.API + "/requests/" + id + ".json?extensions=true").json().get(0)
        .get("extended_attributes").get("support_count").asInt()).isEqualTo(1);
    assertThat(pagePost(a, "10.4.0.1", path).status()).as("the third post of a burst of 3").isEqualTo(303);
    Answer refused = pagePost(b, "10.4.0.1", path);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void bucketRowsAreRemovedOnceTheirBucketIsFullAgain() throws Exception {
    assertThat(post(a).status()).isEqualTo(200);
    try (Database other = Database.open(nodes.db.settings().url(), nodes.db.settings().user(),
        nodes.db.settings().password());
        Connection c = nodes.db.connect(); Statement s = c.createStatement()) {
      assertThat(other.rateBuckets().removeIdle()).as("nothing is full again yet").isZero();
      assertThat(count(s)).as("the key's and the address's bucket").isEqualTo(2);
      // As if the buckets had filled up long ago.
      s.executeUpdate("UPDATE rate_buckets SET expires_at = 1");
      assertThat(other.rateBuckets().removeIdle()).isEqualTo(2);
      assertThat(count(s)).isZero();
    }
    assertThat(post(b).status()).as("a removed bucket is a full one").isEqualTo(200);
  }

  static long count(Statement s) throws Exception {
    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM rate_buckets")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
