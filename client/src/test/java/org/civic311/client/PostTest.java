package org.civic311.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicReference;
import org.civic311.georeport.ExtendedStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the client puts on the wire: forms, multipart with photos, the key and jurisdiction, path segments. */
class PostTest {
  FakeServer server;
  GeoReportClient client;
  final AtomicReference<FakeServer.Call> last = new AtomicReference<>();

  @BeforeEach
  void start() {
    server = new FakeServer();
    client = GeoReportClient.create(ClientConfig.builder().baseUrl(server.url("/v2")).apiKey("k&1")
        .jurisdiction("city.example").userAgent("tests/1").build());
    String reply = "<?xml version=\"1.0\" encoding=\"utf-8\"?><service_requests><request>"
        + "<service_request_id>7</service_request_id><service_notice></service_notice></request></service_requests>";
    server.on("/v2/requests.xml", c -> {
      last.set(c);
      c.answer(200, "text/xml; charset=utf-8", reply);
    });
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aRequestIsAFormWithKeyJurisdictionAndAttributes() {
    var receipt = client.post(NewRequest.builder("LAMP").location(51.5, -0.12).description("Dark & cold")
        .attribute("FAULT", "DARK", "DAY").attribute("SIDE", "N").email("a@example.org").build());

    assertThat(receipt.serviceRequestId()).isEqualTo("7");
    FakeServer.Call c = last.get();
    assertThat(c.method()).isEqualTo("POST");
    assertThat(c.query()).isEqualTo("jurisdiction_id=city.example");
    assertThat(c.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(c.header("User-Agent")).isEqualTo("tests/1");
    assertThat(c.bodyText()).isEqualTo("api_key=k%261&jurisdiction_id=city.example&service_code=LAMP&lat=51.5"
        + "&long=-0.12&description=Dark+%26+cold&email=a%40example.org"
        + "&attribute%5BFAULT%5D%5B%5D=DARK&attribute%5BFAULT%5D%5B%5D=DAY&attribute%5BSIDE%5D=N");
  }

  @Test
  void anIdempotencyKeyIsSentAsAHeaderOnlyWhenGiven() {
    client.post(NewRequest.builder("LAMP").address("1 High St").build(), "civic311:city:42");
    assertThat(last.get().header("Idempotency-Key")).isEqualTo("civic311:city:42");
    client.post(NewRequest.builder("LAMP").address("1 High St").build());
    assertThat(last.get().header("Idempotency-Key")).isNull();
  }

  @Test
  void photosMakeItMultipart() {
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00, 0x01};
    client.post(NewRequest.builder("LAMP").address("1 High St").photo(new Photo("lamp.jpg", "image/jpeg", jpeg)).build());

    FakeServer.Call c = last.get();
    assertThat(c.header("Content-Type")).startsWith("multipart/form-data; boundary=civic311-");
    String body = new String(c.body(), StandardCharsets.ISO_8859_1);
    assertThat(body).contains("name=\"api_key\"").contains("name=\"address_string\"")
        .contains("Content-Disposition: form-data; name=\"media\"; filename=\"lamp.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"
            + new String(jpeg, StandardCharsets.ISO_8859_1) + "\r\n");
  }

  @Test
  void aRequestNeedsALocation() {
    assertThatThrownBy(() -> NewRequest.builder("LAMP").description("somewhere").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("location");
  }

  @Test
  void anUpdateIsPostedInFixMyStreetsForm() {
    server.on("/v2/servicerequestupdates.xml", c -> {
      last.set(c);
      c.answer(200, "text/xml", "<service_request_updates><request_update><update_id>U9</update_id>"
          + "</request_update></service_request_updates>");
    });
    String id = client.postUpdate(NewUpdate.builder("7", "fms-1", ExtendedStatus.IN_PROGRESS,
        OffsetDateTime.parse("2024-03-04T09:12:00Z")).description("On it").build());

    assertThat(id).isEqualTo("U9");
    assertThat(last.get().bodyText()).contains("status=IN_PROGRESS")
        .contains("updated_datetime=2024-03-04T09%3A12%3A00%2B00%3A00").endsWith("description=On+it");
  }

  @Test
  void oddCodesAreEncodedAsOnePathSegment() {
    server.on("/v2/services/input%3AStreet%20cleaning.v2.xml", c -> c.answer(200, "text/xml",
        "<service_definition><service_code>input:Street cleaning.v2</service_code><attributes/></service_definition>"));
    assertThat(client.definition("input:Street cleaning.v2").attributes()).isEmpty();
    assertThat(server.calls()).singleElement().asString().contains("/v2/services/input%3AStreet%20cleaning.v2.xml");
  }
}
