package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.server.testing.Http.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.RunningServer;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostRequestsHttpTest {
  static final String API = "/open311/v2";
  @RegisterExtension
  static final RunningServer server = new RunningServer(TestConfig.city());

  static Answer post(String format, String body) {
    return server.http().postForm(API + "/requests." + format, body);
  }

  @Test
  void realtimePostAnswersTheNewIdAndNotice() {
    Answer a = post("json", form("api_key", TestConfig.KEY, "service_code", "POT", "lat", "40.7", "long", "-74.0",
        "description", "Deep hole"));
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.contentType()).isEqualTo("application/json; charset=utf-8");
    JsonNode r = a.json();
    assertThat(r.isArray()).isTrue();
    assertThat(r).hasSize(1);
    assertThat(r.get(0).get("service_request_id").isTextual()).isTrue();
    assertThat(r.get(0).has("token")).isFalse();
    String id = r.get(0).get("service_request_id").asText();
    JsonNode stored = server.http().get(API + "/requests/" + id + ".json").json().get(0);
    assertThat(stored.get("description").asText()).isEqualTo("Deep hole");
    assertThat(stored.get("status").asText()).isEqualTo("open");
    assertThat(stored.get("lat").asDouble()).isEqualTo(40.7);
    assertThat(stored.get("agency_responsible").asText()).isEqualTo("Highways");
  }

  @Test
  void xmlPostAnswersAServiceRequestsDocument() {
    Answer a = post("xml", form("api_key", TestConfig.KEY, "service_code", "POT", "address_string", "1 Main St"));
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.contentType()).isEqualTo("text/xml; charset=utf-8");
    assertThat(a.text()).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><service_requests><request>"
        + "<service_request_id>");
  }

  @Test
  void apiKeyIsAcceptedInTheQueryString() {
    Answer a = server.http().postForm(API + "/requests.json?api_key=" + TestConfig.KEY,
        form("service_code", "POT", "address_id", "A-17"));
    assertThat(a.status()).isEqualTo(200);
  }

  @Test
  void batchServiceAnswersATokenThatResolvesToTheRequest() {
    Answer a = post("json", form("api_key", TestConfig.KEY, "service_code", "BULK", "address_string", "2 Elm St"));
    assertThat(a.status()).isEqualTo(200);
    JsonNode r = a.json().get(0);
    assertThat(r.has("service_request_id")).isFalse();
    String token = r.get("token").asText();
    assertThat(r.get("service_notice").asText()).isEqualTo("Scheduled within a week");

    JsonNode t = server.http().get(API + "/tokens/" + token + ".json").json().get(0);
    assertThat(t.get("token").asText()).isEqualTo(token);
    String id = t.get("service_request_id").asText();
    assertThat(server.http().get(API + "/requests/" + id + ".json").json().get(0).get("service_code").asText())
        .isEqualTo("BULK");
    Answer xml = server.http().get(API + "/tokens/" + token + ".xml");
    assertThat(xml.text()).contains("<service_request_id>" + id + "</service_request_id><token>" + token);
  }

  @Test
  void unknownTokenIs404() {
    Answer a = server.http().get(API + "/tokens/no-such-token.json");
    assertThat(a.status()).isEqualTo(404);
    assertThat(a.json().get(0).get("description").asText()).contains("no-such-token");
  }

  @Test
  void blackboxServiceAnswersOnlyTheNotice() {
    Answer a = post("xml", form("api_key", TestConfig.KEY, "service_code", "TIP", "address_string", "Park"));
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.text()).contains("<service_notice>Thank you</service_notice>")
        .doesNotContain("service_request_id").doesNotContain("<token>");
  }

  @Test
  void allThreeMultivaluelistFormsAreAccepted() {
    for (String body : new String[] {
        "attribute%5BFAULT%5D%5B%5D=DARK&attribute%5BFAULT%5D%5B%5D=DAY",
        "attribute%5BFAULT%5D=DARK&attribute%5BFAULT%5D=DAY",
        "attribute[FAULT][0]=DARK&attribute[FAULT][1]=DAY"}) {
      Answer a = post("json", "api_key=" + TestConfig.KEY + "&service_code=LAMP&lat=1&long=2&" + body);
      assertThat(a.status()).as(body).isEqualTo(200);
    }
  }

  @Test
  void everyDatatypeIsAcceptedWithAGoodValue() {
    Answer a = post("json", form("api_key", TestConfig.KEY, "service_code", "LAMP", "lat", "1", "long", "2",
        "attribute[FAULT]", "FLICKER", "attribute[SIDE]", "N", "attribute[POLE]", "P-12",
        "attribute[HEIGHT]", "7.5", "attribute[SEEN]", "2024-03-04T09:12:00.123Z", "attribute[NOTE]", "line1\nline2",
        "attribute[UNKNOWN]", "ignored"));
    assertThat(a.status()).as(a.text()).isEqualTo(200);
  }

  @Test
  void missingRequiredAttributeIs400NamingIt() {
    Answer a = post("json", form("api_key", TestConfig.KEY, "service_code", "LAMP", "lat", "1", "long", "2"));
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.json().get(0).get("description").asText()).contains("attribute[FAULT]").contains("required");
  }

  @Test
  void badAttributeValuesAreEach400NamingTheAttribute() {
    String[][] cases = {
        {"attribute[FAULT]", "BROKEN", "attribute[FAULT]"},
        {"attribute[SIDE]", "EAST", "attribute[SIDE]"},
        {"attribute[HEIGHT]", "tall", "attribute[HEIGHT]"},
        {"attribute[SEEN]", "yesterday", "attribute[SEEN]"}};
    for (String[] c : cases) {
      Answer a = post("json", form("api_key", TestConfig.KEY, "service_code", "LAMP", "lat", "1", "long", "2",
          "attribute[FAULT]", "DARK", c[0], c[1]));
      assertThat(a.status()).as(c[0]).isEqualTo(400);
      assertThat(a.text()).as(c[0]).contains(c[2]);
    }
  }

  @Test
  void singleValueAttributeWithTwoValuesIs400() {
    Answer a = post("json", "api_key=" + TestConfig.KEY
        + "&service_code=LAMP&lat=1&long=2&attribute[FAULT]=DARK&attribute[SIDE]=N&attribute[SIDE]=S");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.text()).contains("attribute[SIDE]");
  }

  @Test
  void multipartBodyIsAccepted() {
    String boundary = "----civic311test";
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"api_key\"\r\n\r\n" + TestConfig.KEY
        + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"service_code\"\r\n\r\nPOT"
        + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\nCaf\u00e9 corner"
        + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"address_string\"\r\n\r\n3 Oak St"
        + "\r\n--" + boundary + "--\r\n";
    Answer a = server.http().post(API + "/requests.json", "multipart/form-data; boundary=" + boundary,
        body.getBytes(StandardCharsets.UTF_8));
    assertThat(a.status()).as(a.text()).isEqualTo(200);
    String id = a.json().get(0).get("service_request_id").asText();
    assertThat(server.http().get(API + "/requests/" + id + ".json").json().get(0).get("description").asText())
        .isEqualTo("Caf\u00e9 corner");
  }

  @Test
  void accountIdIsEchoedToThePosterOnly() {
    Answer a = post("json", form("api_key", TestConfig.KEY, "service_code", "POT", "address_string", "x",
        "account_id", "acct-9"));
    assertThat(a.json().get(0).get("account_id").asText()).isEqualTo("acct-9");
    String id = a.json().get(0).get("service_request_id").asText();
    assertThat(server.http().get(API + "/requests/" + id + ".json").text()).doesNotContain("acct-9");
  }
}
