package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.Seeder;
import org.civic311.server.testing.ServerFixture;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET requests: the window, the filters, the order and the volume (section 10 decisions). */
class GetRequestsHttpTest {
  static final String API = "/open311/v2";
  ServerFixture server;
  Seeder seed;
  final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @BeforeEach
  void start() {
    server = ServerFixture.start(TestConfig.city());
    seed = new Seeder(server);
  }

  @AfterEach
  void stop() throws Exception {
    seed.close();
    server.close();
  }

  Instant daysAgo(int days) {
    return now.minus(Duration.ofDays(days));
  }

  List<String> ids(String query) {
    Answer a = server.http().get(API + "/requests.json" + query);
    assertThat(a.status()).as(a.text()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    for (JsonNode r : a.json()) {
      ids.add(r.get("service_request_id").asText());
    }
    return ids;
  }

  static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void withoutDatesTheLast90DaysAreListedNewestFirst() {
    long old = seed.request("POT", daysAgo(100));
    long mid = seed.request("POT", daysAgo(30));
    long recent = seed.request("POT", daysAgo(1));
    assertThat(ids("")).containsExactly(String.valueOf(recent), String.valueOf(mid)).doesNotContain(
        String.valueOf(old));
  }

  @Test
  void startDateAloneRunsToNow() {
    long a = seed.request("POT", daysAgo(200));
    long b = seed.request("POT", daysAgo(150));
    long c = seed.request("POT", daysAgo(2));
    assertThat(ids("?start_date=" + q(daysAgo(160).toString()))).containsExactly(
        String.valueOf(c), String.valueOf(b)).doesNotContain(String.valueOf(a));
  }

  @Test
  void endDateAloneCoversThe90DaysBeforeIt() {
    long a = seed.request("POT", daysAgo(300));
    long b = seed.request("POT", daysAgo(250));
    long c = seed.request("POT", daysAgo(150));
    assertThat(ids("?end_date=" + q(daysAgo(200).toString()))).containsExactly(String.valueOf(b))
        .doesNotContain(String.valueOf(a), String.valueOf(c));
  }

  @Test
  void spansLongerThan90DaysAreAllowed() {
    long a = seed.request("POT", daysAgo(300));
    long b = seed.request("POT", daysAgo(10));
    assertThat(ids("?start_date=" + q(daysAgo(365).toString()) + "&end_date=" + q(now.toString())))
        .containsExactly(String.valueOf(b), String.valueOf(a));
  }

  @Test
  void leninentDateFormsAreAccepted() {
    seed.request("POT", Instant.parse("2024-03-04T12:00:00Z"));
    assertThat(ids("?start_date=2024-03-04&end_date=2024-03-05")).hasSize(1);
    assertThat(ids("?start_date=2024-03-04T00:00:00.000Z&end_date=2024-03-05T00:00:00-05:00")).hasSize(1);
    // An unencoded '+' in the offset arrives as a space.
    assertThat(ids("?start_date=2024-03-04T00:00:00+00:00&end_date=2024-03-05T00:00:00+0000")).hasSize(1);
    assertThat(ids("?start_date=2024-03-05&end_date=2024-03-06")).isEmpty();
  }

  @Test
  void startAfterEndIs400() {
    Answer a = server.http().get(API + "/requests.json?start_date=2024-03-05&end_date=2024-03-04");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.json().get(0).get("description").asText()).contains("start_date");
  }

  @Test
  void serviceCodeAndStatusListsFilter() {
    long pot = seed.request("POT", daysAgo(3));
    long lamp = seed.request("LAMP", daysAgo(2));
    long closedLamp = seed.request("LAMP", daysAgo(1));
    seed.close(closedLamp);
    assertThat(ids("?service_code=POT")).containsExactly(String.valueOf(pot));
    assertThat(ids("?service_code=POT,LAMP&status=open")).containsExactly(String.valueOf(lamp),
        String.valueOf(pot));
    assertThat(ids("?status=closed")).containsExactly(String.valueOf(closedLamp));
    assertThat(ids("?status=open,closed")).hasSize(3);
    assertThat(ids("?status=OPEN")).hasSize(2);
    assertThat(ids("?service_code=NOPE")).isEmpty();
  }

  @Test
  void serviceRequestIdOverridesEveryOtherFilter() {
    long old = seed.request("POT", daysAgo(400));
    long closed = seed.request("LAMP", daysAgo(5));
    seed.close(closed);
    assertThat(ids("?service_request_id=" + old + "," + closed + ",999999,abc&status=open&service_code=BULK"
        + "&start_date=2020-01-01&end_date=2020-01-02"))
        .containsExactly(String.valueOf(closed), String.valueOf(old));
  }

  @Test
  void tiesInRequestedTimeAreBrokenByIdNewestFirst() {
    Instant same = daysAgo(4);
    long first = seed.request("POT", same);
    long second = seed.request("POT", same);
    long third = seed.request("POT", same);
    assertThat(ids("")).containsExactly(String.valueOf(third), String.valueOf(second), String.valueOf(first));
  }

  @Test
  void atMost1000RequestsAreAnswered() {
    for (int i = 0; i < 1005; i++) {
      seed.request("POT", daysAgo(1).minusSeconds(i));
    }
    List<String> ids = ids("");
    assertThat(ids).hasSize(1000);
    assertThat(ids.get(0)).isEqualTo("1");
  }

  @Test
  void oneRequestIsStillAList() {
    long id = seed.request("POT", daysAgo(1));
    Answer json = server.http().get(API + "/requests/" + id + ".json");
    assertThat(json.json().isArray()).isTrue();
    assertThat(json.json()).hasSize(1);
    Answer xml = server.http().get(API + "/requests/" + id + ".xml");
    assertThat(xml.text()).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><service_requests><request>"
        + "<service_request_id>" + id + "</service_request_id><status>open</status>");
  }

  @Test
  void datetimesAreWrittenInTheJurisdictionsZoneInWholeSeconds() {
    long id = seed.request("POT", Instant.parse("2024-07-04T16:30:15.789Z"));
    JsonNode r = server.http().get(API + "/requests/" + id + ".json").json().get(0);
    assertThat(r.get("requested_datetime").asText()).isEqualTo("2024-07-04T12:30:15-04:00");
  }

  @Test
  void unknownOrMalformedRequestIdIs404() {
    assertThat(server.http().get(API + "/requests/424242.json").status()).isEqualTo(404);
    Answer a = server.http().get(API + "/requests/not-a-number.xml");
    assertThat(a.status()).isEqualTo(404);
    assertThat(a.text()).contains("<errors><error><code>404</code>");
  }

  @Test
  void emptyResultIsAnEmptyList() {
    assertThat(server.http().get(API + "/requests.json").text()).isEqualTo("[]");
    assertThat(server.http().get(API + "/requests.xml").text())
        .isEqualTo("<?xml version=\"1.0\" encoding=\"utf-8\"?><service_requests></service_requests>");
  }
}
