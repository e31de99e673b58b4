package org.civic311.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.civic311.server.testing.Http;
import org.civic311.server.testing.TestConfig;
import org.civic311.server.testing.TestDatabase;
import org.civic311.server.testing.TwoNodes;
import org.civic311.server.web.ForwardingHttpTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two nodes over one PostgreSQL database share the forwarding outbox: each request is sent once. */
class SharedOutboxTest {
  @BeforeAll
  static void needsPostgres() {
    org.junit.jupiter.api.Assumptions.assumeTrue(TestDatabase.postgres(), "runs in the PostgreSQL suite");
  }

  @Test
  void eachRequestIsSentUpstreamByOneNode() throws Exception {
    List<String> keys = new CopyOnWriteArrayList<>();
    AtomicInteger ids = new AtomicInteger();
    try (ForwardingHttpTest.FakeUpstream fake = new ForwardingHttpTest.FakeUpstream(keys,
            n -> new ForwardingHttpTest.Reply(200, "application/json",
                "[{\"service_request_id\":\"U-" + ids.incrementAndGet() + "\"}]", 150));
        TwoNodes nodes = TwoNodes.start(TestConfig.city().upstream(ForwardingHttpTest.upstream(fake.url(), 5)))) {
      int n = 12;
      List<String> posted = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Http node = i % 2 == 0 ? nodes.a : nodes.b;
        posted.add(ForwardingHttpTest.post(node, "shared outbox " + i));
      }
      long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (sent(nodes) < n && System.nanoTime() < end) {
        Thread.sleep(200);
      }
      assertThat(sent(nodes)).isEqualTo(n);
      assertThat(keys).as("one POST upstream per request").hasSize(n);
      assertThat(new HashSet<>(keys)).hasSize(n);
      assertThat(posted).hasSize(n);
    }
  }

  private static long sent(TwoNodes nodes) throws Exception {
    try (Connection c = nodes.db.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM forward_outbox WHERE state = 'sent'")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
