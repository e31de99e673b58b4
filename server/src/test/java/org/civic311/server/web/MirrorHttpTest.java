package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.server.testing.Http.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.civic311.server.config.MirrorSettings;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.ServerFixture;
import org.civic311.server.testing.StaffAccounts;
import org.civic311.server.testing.StaffClient;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.Test;

/** A Civic311 server mirroring another, both real, on port 0, on the suite's store. */
class MirrorHttpTest {
  static final String API = "/open311/v2";
  static final String MIRROR = "mirror.example.org";
  static final String MIRROR_KEY = "mirror-key-0001";

  static void eventually(String what, BooleanSupplier check) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(25).toNanos();
    while (!check.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError(what + " did not happen in 25 s");
      }
      Thread.sleep(200);
    }
  }

  static JsonNode mirrored(ServerFixture a, String description) {
    for (JsonNode r : a.http().get(API + "/requests.json?jurisdiction_id=" + MIRROR + "&q="
        + description.substring(description.lastIndexOf(' ') + 1)).json()) {
      if (r.get("description").asText().equals(description)) {
        return r;
      }
    }
    return null;
  }

  /** The fixture writes through its own connection, which may meet the harvest's write on SQLite: retried. */
  static void createAdmin(ServerFixture a) throws InterruptedException {
    for (int i = 0; ; i++) {
      try {
        StaffAccounts.create(a, "admin", "administrator");
        return;
      } catch (RuntimeException e) {
        if (i == 20) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }

  static long count(ServerFixture server, String description) {
    try (Connection c = server.connect();
        PreparedStatement s = c.prepareStatement("SELECT count(*) FROM service_requests WHERE description = ?")) {
      s.setString(1, description);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theMirrorCopiesTheCatalogueHarvestsRequestsFollowsChangesAndForwardsPosts() throws Exception {
    try (ServerFixture b = ServerFixture.start(TestConfig.city())) {
      String before = "harvested " + UUID.randomUUID().toString().substring(0, 8);
      String bId = ForwardingHttpTest.post(b.http(), before);
      String url = "http://127.0.0.1:" + b.http().port() + API;
      try (ServerFixture a = ServerFixture.start(TestConfig.empty().mirror(MIRROR, MIRROR_KEY,
          new MirrorSettings(url, TestConfig.CITY, TestConfig.KEY, 1, 30, 10)))) {
        // The catalogue, with a service definition.
        eventually("the catalogue copied", () ->
            a.http().get(API + "/services.json?jurisdiction_id=" + MIRROR).json().size() == 5);
        JsonNode lamp = a.http().get(API + "/services/LAMP.json?jurisdiction_id=" + MIRROR).json();
        assertThat(lamp.get("attributes").toString()).contains("FAULT").contains("Flickers");

        // The request, in the API and the download, under the source's id as its external id.
        eventually("the request harvested", () -> mirrored(a, before) != null);
        JsonNode copy = mirrored(a, before);
        assertThat(copy.get("service_code").asText()).isEqualTo("POT");
        assertThat(copy.toString()).doesNotContain("resident@example.org");
        String csv = a.http().get("/data/requests.csv").text();
        assertThat(csv).contains(before).doesNotContain("resident@example.org");

        // A change on the source arrives at the next harvest.
        Answer closed = b.http().postForm(API + "/servicerequestupdates.json", form("api_key", TestConfig.KEY,
            "service_request_id", bId, "update_id", "close-" + bId, "status", "CLOSED",
            "updated_datetime", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).withNano(0).toString(),
            "description", "Filled in"));
        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        eventually("the closing harvested", () -> mirrored(a, before).get("status").asText().equals("closed"));
        assertThat(mirrored(a, before).get("status_notes").asText()).isEqualTo("Filled in");
        assertThat(count(a, before)).isEqualTo(1);

        // The source is named in discovery.
        String discovery = a.http().get(API + "/discovery.json").text();
        assertThat(discovery).contains("\"mirrors\"").contains(url);

        // A POST to the mirror reaches the source, and the harvest does not bring it back twice.
        String posted = "posted on the mirror " + UUID.randomUUID().toString().substring(0, 8);
        Answer p = a.http().postForm(API + "/requests.json", form("api_key", MIRROR_KEY, "jurisdiction_id", MIRROR,
            "service_code", "POT", "lat", "40.7", "long", "-74.0", "description", posted));
        assertThat(p.status()).as(p.text()).isEqualTo(200);
        eventually("the post forwarded to the source", () -> count(b, posted) == 1);
        Thread.sleep(2500); // at least one more harvest
        assertThat(count(a, posted)).as("one copy on the mirror").isEqualTo(1);
        assertThat(count(b, posted)).isEqualTo(1);

        // Staff see the mirror's last harvest.
        MirrorHttpTest.createAdmin(a);
        String page = StaffClient.signIn(a.http(), "admin", StaffAccounts.PASSWORD).get("/staff/interop").text();
        assertThat(page).contains(url).contains("updated_after");
      }
    }
  }
}
