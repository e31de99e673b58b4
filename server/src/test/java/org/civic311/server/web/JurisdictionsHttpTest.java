package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.server.testing.Http.form;

import org.civic311.server.testing.Answer;
import org.civic311.server.testing.RunningServer;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One server, two jurisdictions, each with its own catalogue, zone, keys and requests. */
class JurisdictionsHttpTest {
  static final String API = "/open311/v2";
  static final String NORTH = "north.example.org";
  static final String SOUTH = "south.example.org";
  static final String NORTH_KEY = "north-key-001";
  static final String SOUTH_KEY = "south-key-001";
  @RegisterExtension
  static final RunningServer server = new RunningServer(new TestConfig()
        .jurisdiction(NORTH, "Europe/Oslo", NORTH_KEY)
        .jurisdiction(SOUTH, "Australia/Sydney", SOUTH_KEY));

  @Test
  void jurisdictionIdIsRequiredWhenSeveralAreHosted() {
    Answer a = server.http().get(API + "/services.json");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.json().get(0).get("description").asText()).contains("jurisdiction_id");
    assertThat(server.http().get(API + "/services.json?jurisdiction_id=").status())
        .as("empty counts as absent").isEqualTo(400);
    assertThat(server.http().get(API + "/requests.xml").status()).isEqualTo(400);
  }

  @Test
  void unknownJurisdictionIs404() {
    Answer a = server.http().get(API + "/services.xml?jurisdiction_id=west.example.org");
    assertThat(a.status()).isEqualTo(404);
    assertThat(a.text()).contains("west.example.org");
  }

  @Test
  void aKeyPostsOnlyToItsOwnJurisdiction() {
    Answer wrong = server.http().postForm(API + "/requests.json",
        form("jurisdiction_id", SOUTH, "api_key", NORTH_KEY, "service_code", "POT", "address_string", "x"));
    assertThat(wrong.status()).isEqualTo(403);
    Answer right = server.http().postForm(API + "/requests.json?jurisdiction_id=" + SOUTH,
        form("api_key", SOUTH_KEY, "service_code", "POT", "address_string", "x"));
    assertThat(right.status()).as(right.text()).isEqualTo(200);
  }

  @Test
  void requestsStayInTheirJurisdictionAndItsTimeZone() {
    Answer posted = server.http().postForm(API + "/requests.json",
        form("jurisdiction_id", NORTH, "api_key", NORTH_KEY, "service_code", "POT", "address_string", "Nord"));
    String id = posted.json().get(0).get("service_request_id").asText();
    Answer north = server.http().get(API + "/requests/" + id + ".json?jurisdiction_id=" + NORTH);
    assertThat(north.status()).isEqualTo(200);
    assertThat(north.json().get(0).get("requested_datetime").asText()).matches(".*\\+0[12]:00");
    assertThat(server.http().get(API + "/requests/" + id + ".json?jurisdiction_id=" + SOUTH).status())
        .isEqualTo(404);
    assertThat(server.http().get(API + "/requests.json?jurisdiction_id=" + SOUTH).text())
        .doesNotContain("Nord");
  }

  @Test
  void jurisdictionIdMatchesInAnyCaseOnEveryCall() {
    String shouted = "?jurisdiction_id=North.EXAMPLE.org";
    assertThat(server.http().get(API + "/discovery.json" + shouted).status()).isEqualTo(200);
    assertThat(server.http().get(API + "/services.json" + shouted).status()).isEqualTo(200);
    assertThat(server.http().get(API + "/services/LAMP.xml" + shouted).status()).isEqualTo(200);

    Answer posted = server.http().postForm(API + "/requests.json",
        form("jurisdiction_id", "NORTH.example.ORG", "api_key", NORTH_KEY, "service_code", "POT",
            "address_string", "Storgata 1"));
    assertThat(posted.status()).as("its key belongs to north.example.org: " + posted.text()).isEqualTo(200);
    String id = posted.json().get(0).get("service_request_id").asText();
    assertThat(server.http().get(API + "/requests.json" + shouted).text()).contains("Storgata 1");
    assertThat(server.http().get(API + "/requests/" + id + ".json" + shouted).status()).isEqualTo(200);

    Answer batch = server.http().postForm(API + "/requests.json" + shouted,
        form("api_key", NORTH_KEY, "service_code", "BULK", "address_string", "Storgata 2"));
    String token = batch.json().get(0).get("token").asText();
    assertThat(server.http().get(API + "/tokens/" + token + ".json" + shouted).status()).isEqualTo(200);

    Answer update = server.http().postForm(API + "/servicerequestupdates.json",
        form("jurisdiction_id", "north.Example.org", "api_key", NORTH_KEY, "service_request_id", id,
            "update_id", "case-1", "status", "IN_PROGRESS", "updated_datetime", "2026-01-05T10:00:00Z"));
    assertThat(update.status()).as(update.text()).isEqualTo(200);
    assertThat(server.http().get(API + "/servicerequestupdates.json" + shouted
        + "&start_date=2026-01-01T00:00:00Z&end_date=2026-01-31T00:00:00Z").text()).contains("case-1");
  }

  @Test
  void discoveryNeedsNoJurisdiction() {
    assertThat(server.http().get(API + "/discovery.json").status()).isEqualTo(200);
  }
}
