package org.civic311.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.civic311.server.app.Application;
import org.civic311.server.storage.JurisdictionRecord;
import org.civic311.server.storage.ServiceRecord;
import org.civic311.server.storage.sql.Database;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.Http;
import org.civic311.server.testing.TestConfig;
import org.civic311.server.testing.TwoNodes;
import org.civic311.server.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two server nodes on two ports over one PostgreSQL database, as behind a load balancer. */
class TwoNodesTest {
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
    nodes = TwoNodes.start(TestConfig.city());
    one = nodes.one;
    two = nodes.two;
    a = nodes.a;
    b = nodes.b;
  }

  @AfterEach
  void stop() throws Exception {
    nodes.close();
  }

  @Test
  void concurrentPostsThroughBothNodesGetUniqueIdsVisibleOnBoth() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    Set<String> ids = ConcurrentHashMap.newKeySet();
    Set<String> tokens = ConcurrentHashMap.newKeySet();
    List<Future<?>> work = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      Http node = i % 2 == 0 ? a : b;
      boolean batch = i % 10 == 0;
      int n = i;
      work.add(pool.submit(() -> {
        Answer r = node.postForm(Http.API + "/requests.json", Http.form("api_key", TestConfig.KEY,
            "service_code", batch ? "BULK" : "POT", "address_string", n + " Main St"));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode reply = r.json().get(0);
        if (batch) {
          tokens.add(reply.get("token").asText());
        } else {
          ids.add(reply.get("service_request_id").asText());
        }
      }));
    }
    for (Future<?> f : work) {
      f.get();
    }
    pool.shutdown();
    assertThat(ids).hasSize(360);
    assertThat(tokens).hasSize(40);
    for (Http node : List.of(a, b)) {
      List<String> listed = new ArrayList<>();
      for (JsonNode r : node.get(Http.API + "/requests.json").json()) {
        listed.add(r.get("service_request_id").asText());
      }
      assertThat(listed).hasSize(400).doesNotHaveDuplicates().containsAll(ids);
      for (String token : tokens) {
        assertThat(node.get(Http.API + "/tokens/" + token + ".json").status()).isEqualTo(200);
      }
    }
  }

  @Test
  void aCatalogueChangeReachesEveryNodeAndMovesTheChangeset() throws Exception {
    String before = a.get(Http.API + "/discovery.json").json().get("changeset").asText();
    assertThat(b.get(Http.API + "/discovery.json").json().get("changeset").asText()).isEqualTo(before);
    Thread.sleep(1100);
    try (Database other = Database.open(nodes.db.settings().url(), nodes.db.settings().user(),
        nodes.db.settings().password())) {
      List<ServiceRecord> services = new ArrayList<>(other.catalogue().services(TestConfig.CITY));
      services.add(new ServiceRecord("GRAF", "Graffiti", null, org.civic311.georeport.ServiceType.REALTIME, null,
          null, null, null, List.of(), false));
      JurisdictionRecord j = other.catalogue().jurisdiction(TestConfig.CITY).orElseThrow();
      assertThat(other.catalogue().synchronize(j, services, System.currentTimeMillis())).isTrue();
    }
    for (Http node : List.of(a, b)) {
      long deadline = System.currentTimeMillis() + 15_000;
      String now = before;
      while (now.equals(before) && System.currentTimeMillis() < deadline) {
        Thread.sleep(200);
        now = node.get(Http.API + "/discovery.json").json().get("changeset").asText();
      }
      assertThat(now).isGreaterThan(before);
      assertThat(node.get(Http.API + "/services/GRAF.json").status()).isEqualTo(200);
    }
  }
}
