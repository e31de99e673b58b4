package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.server.testing.Http.form;

import com.fasterxml.jackson.databind.JsonNode;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.Http;
import org.civic311.server.testing.RunningServer;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The update history: POST and GET servicerequestupdates, and extensions=true on requests. */
class UpdatesHttpTest {
  static final String API = Http.API;
  @RegisterExtension
  static final RunningServer server = new RunningServer(TestConfig.city());

  static String newRequest() {
    return server.http().postForm(API + "/requests.json", form("api_key", TestConfig.KEY, "service_code", "LAMP",
        "lat", "40.1", "long", "-74.2", "attribute[FAULT][]", "DARK", "attribute[FAULT][]", "DAY",
        "attribute[SIDE]", "N", "media_url", "https://img.example.org/a.jpg", "media_url",
        "https://img.example.org/b.jpg")).json().get(0).get("service_request_id").asText();
  }

  static Answer update(String format, String... pairs) {
    return server.http().postForm(API + "/servicerequestupdates." + format, form(pairs));
  }

  @Test
  void aPostedFixedUpdateClosesTheRequestAndShowsInTheHistory() {
    String id = newRequest();
    Answer a = update("xml", "api_key", TestConfig.KEY, "service_request_id", id, "update_id", "U-" + id + "-1",
        "status", "IN_PROGRESS", "updated_datetime", "2026-01-02T10:00:00Z", "description", "Crew sent");
    assertThat(a.status()).as(a.text()).isEqualTo(200);
    assertThat(a.text()).contains("<service_request_updates><request_update><update_id>U-" + id + "-1</update_id>");
    JsonNode r = server.http().get(API + "/requests/" + id + ".json").json().get(0);
    assertThat(r.get("status").asText()).isEqualTo("open");
    assertThat(r.get("status_notes").asText()).isEqualTo("Crew sent");

    Answer fixed = update("json", "api_key", TestConfig.KEY, "service_request_id", id, "update_id",
        "U-" + id + "-2", "status", "FIXED", "updated_datetime", "2026-01-03T10:00:00Z", "description", "Lamp replaced",
        "external_status_code", "F1");
    assertThat(fixed.status()).as(fixed.text()).isEqualTo(200);
    r = server.http().get(API + "/requests/" + id + ".json").json().get(0);
    assertThat(r.get("status").asText()).isEqualTo("closed");
    assertThat(r.get("status_notes").asText()).isEqualTo("Lamp replaced");

    JsonNode list = server.http().get(API + "/servicerequestupdates.json?start_date=2026-01-01&end_date=2026-01-05"
        + "&service_request_id=" + id).json();
    assertThat(list).hasSize(2);
    assertThat(list.get(0).get("status").asText()).isEqualTo("in_progress");
    assertThat(list.get(1).get("status").asText()).isEqualTo("fixed");
    assertThat(list.get(1).get("update_id").asText()).isEqualTo("U-" + id + "-2");
    assertThat(list.get(1).get("service_request_id").asText()).isEqualTo(id);
    assertThat(list.get(1).get("updated_datetime").asText()).isEqualTo("2026-01-03T05:00:00-05:00");
    assertThat(list.get(1).get("external_status_code").asText()).isEqualTo("F1");
    assertThat(list.get(1).has("media_url")).isTrue();
  }

  @Test
  void extensionsAddExtendedAttributesAndNotesInBothFormats() {
    String id = newRequest();
    JsonNode fresh = server.http().get(API + "/requests/" + id + ".json?extensions=true").json().get(0);
    assertThat(fresh.get("extended_attributes").get("detailed_status").asText()).isEqualTo("RECEIVED");
    assertThat(fresh.get("extended_attributes").get("extended_status").asText()).isEqualTo("open");
    update("json", "api_key", TestConfig.KEY, "service_request_id", id, "update_id", "X-" + id, "status",
        "ACTION_SCHEDULED", "updated_datetime", "2026-02-01T09:00:00Z", "description", "Scheduled");
    JsonNode r = server.http().get(API + "/requests/" + id + ".json?extensions=true").json().get(0);
    JsonNode x = r.get("extended_attributes");
    assertThat(x.get("channel").asText()).isEqualTo("api");
    assertThat(x.get("detailed_status").asText()).as("CitySDK's vocabulary").isEqualTo("IN_PROCESS");
    assertThat(x.get("extended_status").asText()).isEqualTo("action_scheduled");
    assertThat(x.get("media_urls").get(0).asText()).isEqualTo("https://img.example.org/a.jpg");
    assertThat(x.get("media_urls").get(1).asText()).isEqualTo("https://img.example.org/b.jpg");
    assertThat(r.get("media_url").asText()).isEqualTo("https://img.example.org/a.jpg");
    assertThat(x.get("attributes").toString()).contains("\"code\":\"FAULT\",\"value\":\"DARK\"")
        .contains("\"code\":\"FAULT\",\"value\":\"DAY\"").contains("\"code\":\"SIDE\",\"value\":\"N\"");
    assertThat(r.get("notes")).hasSize(1);
    assertThat(r.get("notes").get(0).get("description").asText()).isEqualTo("Scheduled");
    assertThat(r.get("notes").get(0).get("datetime").asText()).isEqualTo("2026-02-01T04:00:00-05:00");

    String xml = server.http().get(API + "/requests.xml?extensions=true&service_request_id=" + id).text();
    assertThat(xml).contains("<extended_attributes><channel>api</channel><detailed_status>IN_PROCESS"
        + "</detailed_status><extended_status>action_scheduled</extended_status>")
        .contains("<media_urls><media_url>https://img.example.org/a.jpg</media_url><media_url>")
        .contains("<notes><note><update_id>X-" + id + "</update_id>");
    assertThat(server.http().get(API + "/requests/" + id + ".json").json().get(0).has("notes")).isFalse();
  }

  @Test
  void updatesArePagedOldestFirst() {
    String id = newRequest();
    for (int i = 1; i <= 5; i++) {
      update("json", "api_key", TestConfig.KEY, "service_request_id", id, "update_id", "P-" + id + "-" + i,
          "status", "OPEN", "updated_datetime", "2026-04-0" + i + "T10:00:00Z", "description", "step " + i);
    }
    String base = API + "/servicerequestupdates.json?start_date=2026-04-01&end_date=2026-04-30&service_request_id="
        + id + "&page_size=2&page=";
    assertThat(server.http().get(base + "1").json().get(0).get("update_id").asText()).isEqualTo("P-" + id + "-1");
    assertThat(server.http().get(base + "3").json()).hasSize(1);
    assertThat(server.http().get(base + "3").json().get(0).get("update_id").asText()).isEqualTo("P-" + id + "-5");
    assertThat(server.http().get(base + "4").json()).isEmpty();
    assertThat(server.http().get(base + "0").status()).isEqualTo(400);
  }

  @Test
  void aRepeatedUpdateIdIs400() {
    String id = newRequest();
    String[] body = {"api_key", TestConfig.KEY, "service_request_id", id, "update_id", "R-" + id, "status", "OPEN",
        "updated_datetime", "2026-01-02T10:00:00Z", "description", "x"};
    assertThat(update("json", body).status()).isEqualTo(200);
    Answer again = update("json", body);
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.text()).contains("update_id");
  }

  @Test
  void anUnknownRequestIs404() {
    Answer a = update("json", "api_key", TestConfig.KEY, "service_request_id", "999999", "update_id", "N-1",
        "status", "FIXED", "updated_datetime", "2026-01-02T10:00:00Z", "description", "x");
    assertThat(a.status()).isEqualTo(404);
  }

  @Test
  void anUnknownStatusIs400AndAMissingKeyIs403() {
    String id = newRequest();
    Answer a = update("json", "api_key", TestConfig.KEY, "service_request_id", id, "update_id", "S-" + id,
        "status", "EXPLODED", "updated_datetime", "2026-01-02T10:00:00Z", "description", "x");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.text()).contains("status");
    Answer b = update("json", "service_request_id", id, "update_id", "S2-" + id, "status", "FIXED",
        "updated_datetime", "2026-01-02T10:00:00Z", "description", "x");
    assertThat(b.status()).isEqualTo(403);
    Answer c = update("json", "api_key", TestConfig.KEY, "service_request_id", id, "status", "FIXED",
        "updated_datetime", "yesterday");
    assertThat(c.status()).isEqualTo(400);
    assertThat(c.text()).contains("update_id").contains("updated_datetime");
  }

  @Test
  void anOlderUpdateArrivingLateDoesNotRollTheStatusBack() {
    String id = newRequest();
    update("json", "api_key", TestConfig.KEY, "service_request_id", id, "update_id", "L2-" + id, "status", "FIXED",
        "updated_datetime", "2026-03-02T10:00:00Z", "description", "done");
    update("json", "api_key", TestConfig.KEY, "service_request_id", id, "update_id", "L1-" + id, "status",
        "IN_PROGRESS", "updated_datetime", "2026-03-01T10:00:00Z", "description", "started");
    JsonNode r = server.http().get(API + "/requests/" + id + ".json").json().get(0);
    assertThat(r.get("status").asText()).isEqualTo("closed");
    assertThat(r.get("status_notes").asText()).isEqualTo("done");
  }

  @Test
  void corsHeadersLetBrowserAppsReadAndPost() {
    java.net.http.HttpRequest preflight = java.net.http.HttpRequest.newBuilder(server.http().uri(API + "/requests.json"))
        .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
        .header("Origin", "https://app.example.org").header("Access-Control-Request-Method", "POST").build();
    try {
      var response = java.net.http.HttpClient.newHttpClient().send(preflight,
          java.net.http.HttpResponse.BodyHandlers.discarding());
      assertThat(response.statusCode()).isEqualTo(204);
      assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
      assertThat(response.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("POST");
      java.net.http.HttpRequest get = java.net.http.HttpRequest.newBuilder(server.http().uri(API + "/services.json"))
          .header("Origin", "https://app.example.org").build();
      var answer = java.net.http.HttpClient.newHttpClient().send(get,
          java.net.http.HttpResponse.BodyHandlers.discarding());
      assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
