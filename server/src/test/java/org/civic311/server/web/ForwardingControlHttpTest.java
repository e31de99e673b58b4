package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.server.testing.Http.form;
import static org.civic311.server.web.ForwardingHttpTest.API;
import static org.civic311.server.web.ForwardingHttpTest.await;
import static org.civic311.server.web.ForwardingHttpTest.row;
import static org.civic311.server.web.ForwardingHttpTest.upstream;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.ServerFixture;
import org.civic311.server.testing.StaffAccounts;
import org.civic311.server.testing.StaffClient;
import org.civic311.server.testing.TestConfig;
import org.civic311.server.web.ForwardingHttpTest.FakeUpstream;
import org.civic311.server.web.ForwardingHttpTest.Reply;
import org.junit.jupiter.api.Test;

/**
 * What comes back from a Civic311 upstream besides the status (tokens resolved to ids, every
 * update from its updates list, the expected date), and what staff control: cancelling a
 * forward, seeing an upstream that does not answer, the meters.
 */
class ForwardingControlHttpTest {

  private static void eventually(String what, BooleanSupplier check) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!check.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError(what + " did not happen in 30 s");
      }
      Thread.sleep(200);
    }
  }

  @Test
  void aTokenBecomesAnIdAndEveryUpstreamUpdateAndTheExpectedDateComeBack() throws Exception {
    try (ServerFixture b = ServerFixture.start(TestConfig.city());
        ServerFixture a = ServerFixture.start(TestConfig.city().upstream(
            upstream("http://127.0.0.1:" + b.http().port() + API, 10)))) {
      Answer posted = a.http().postForm(API + "/requests.json", form("api_key", TestConfig.KEY, "service_code",
          "BULK", "lat", "40.7", "long", "-74.0", "description", "sofa " + UUID.randomUUID()));
      assertThat(posted.status()).as(posted.text()).isEqualTo(200);
      // A batch service answers a token on A; A's id is found through A's own token.
      String aToken = posted.json().get(0).get("token").asText();
      String id = a.http().get(API + "/tokens/" + aToken + ".json").json().get(0).get("service_request_id").asText();
      await(a.database(), id, "sent");
      eventually("the upstream token resolved", () -> {
        try {
          return row(a.database(), id).upstreamId() != null;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      String onB = row(a.database(), id).upstreamId();
      assertThat(b.http().get(API + "/requests/" + onB + ".json").json().get(0).get("service_code").asText())
          .isEqualTo("BULK");

      // Two updates on B between two pulls: both join A's history (read from B's updates list).
      Thread.sleep(1500);
      OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
      for (String[] u : new String[][] {{"ACTION_SCHEDULED", "Crew assigned", "-1"}, {"IN_PROGRESS", "Truck on its way", "0"}}) {
        Answer up = b.http().postForm(API + "/servicerequestupdates.json", form("api_key", TestConfig.KEY,
            "service_request_id", onB, "update_id", "B-" + u[0] + "-" + id, "status", u[0],
            "updated_datetime", now.plusSeconds(Long.parseLong(u[2])).toString(), "description", u[1]));
        assertThat(up.status()).as(up.text()).isEqualTo(200);
      }
      long expected = now.plusDays(3).toInstant().toEpochMilli();
      try (Connection c = b.connect(); PreparedStatement s = c.prepareStatement(
          "UPDATE service_requests SET expected_at = ? WHERE id = ?")) {
        s.setLong(1, expected);
        s.setLong(2, Long.parseLong(onB));
        assertThat(s.executeUpdate()).isEqualTo(1);
      }
      try {
        eventually("both updates and the expected date on A", () -> {
          var r = a.http().get(API + "/requests/" + id + ".json?extensions=true").json().get(0);
          return r.get("notes").size() == 2 && r.hasNonNull("expected_datetime");
        });
      } catch (AssertionError e) {
        throw new AssertionError(e.getMessage() + ": " + a.http().get(API + "/requests/" + id
            + ".json?extensions=true").text() + " B: " + b.http().get(API + "/requests/" + onB + ".json").text());
      }
      var r = a.http().get(API + "/requests/" + id + ".json?extensions=true").json().get(0);
      assertThat(r.get("notes").toString()).contains("Crew assigned").contains("Truck on its way");
      assertThat(OffsetDateTime.parse(r.get("expected_datetime").asText()).toInstant().toEpochMilli())
          .isEqualTo(expected);
      assertThat(r.get("status_notes").asText()).isEqualTo("Truck on its way");
    }
  }

  @Test
  void staffSeeAFailingUpstreamAndCancelAWaitingForward() throws Exception {
    List<String> keys = new CopyOnWriteArrayList<>();
    try (FakeUpstream down = new FakeUpstream(keys, n -> new Reply(503, "text/html", "<html>down</html>", 0));
        ServerFixture a = ServerFixture.start(TestConfig.city().upstream(upstream(down.url(), 1)))) {
      String id = ForwardingHttpTest.post(a.http(), "to cancel " + UUID.randomUUID());
      eventually("a failed attempt", () -> !keys.isEmpty());
      Thread.sleep(300);
      StaffAccounts.create(a, "boss", "administrator");
      StaffClient staff = StaffClient.signIn(a.http(), "boss", StaffAccounts.PASSWORD);
      String page = "/staff/requests/" + TestConfig.CITY + "/" + id;
      String html = staff.get(page).text();
      assertThat(html).contains("forward-cancel-form").contains("unreachable or not Open311");

      assertThat(StaffClient.anonymous(a.http()).post(page + "/forward-cancel").status()).isNotEqualTo(303);
      assertThat(row(a.database(), id).state()).as("refused without a session").isEqualTo("waiting");
      Answer cancelled = staff.post(page + "/forward-cancel");
      assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(303);
      assertThat(row(a.database(), id).state()).isEqualTo("cancelled");
      int tries = keys.size();
      Thread.sleep(2500);
      assertThat(keys).as("a cancelled row is not sent").hasSize(tries);
      assertThat(staff.post(page + "/forward-cancel").status()).as("only once").isEqualTo(409);
      assertThat(staff.get(page).text()).contains("forward-retry-form").doesNotContain("forward-cancel-form");

      String metrics = a.http().get("/metrics").text();
      assertThat(metrics).contains("civic311_forward_outbox{application=\"civic311\",state=\"cancelled\"} 1.0");
      assertThat(metrics).containsPattern("civic311_forward_retries_total\\{[^}]*\\} [1-9]");
      assertThat(metrics).contains("civic311_forward_sent_total");
    }
  }
}
