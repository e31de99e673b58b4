package org.civic311.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.List;
import org.civic311.georeport.Datatype;
import org.civic311.georeport.Discovery;
import org.civic311.georeport.Format;
import org.civic311.georeport.RequestReceipt;
import org.civic311.georeport.Service;
import org.civic311.georeport.ServiceDefinition;
import org.civic311.georeport.ServiceRequest;
import org.civic311.georeport.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client reads what real servers answered (Washington DC, Boston, the standard's examples). */
class RealResponsesTest {
  static FakeServer server;
  static GeoReportClient client;

  @BeforeAll
  static void start() {
    server = new FakeServer()
        .serve("/v2/discovery.xml", 200, "text/xml", Resources.realResponse("discovery-dc.xml"))
        .serve("/boston/discovery.json", 200, "application/json", Resources.realResponse("discovery-boston.json"))
        .serve("/v2/services.xml", 200, "text/xml; charset=utf-8", Resources.realResponse("dc-services.xml"))
        .serve("/v2/services/S0301.xml", 200, "text/xml", Resources.realResponse("dc-services-S0301.xml"))
        .serve("/v2/requests.xml", 200, "text/xml", Resources.realResponse("service-requests.xml"))
        .serve("/v2/requests/638344.xml", 200, "text/xml", Resources.realResponse("service-request.xml"))
        .serve("/v2/tokens/12345.xml", 200, "text/xml", Resources.realResponse("token.xml"));
    client = GeoReportClient.create(ClientConfig.builder().baseUrl(server.url("/v2")).build());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void readsDcDiscovery() {
    Discovery d = client.discovery();
    assertThat(d.contact()).contains("octo@dc.gov");
    assertThat(d.endpoints()).hasSize(2);
    assertThat(d.endpoints().get(0).formats()).containsExactly("text/xml");
  }

  @Test
  void aDiscoveryUrlGivesTheFirstProductionV2Endpoint() {
    GeoReportClient dc = GeoReportClient.create(ClientConfig.builder()
        .discoveryUrl(server.url("/v2/discovery.xml")).build());
    assertThat(dc.baseUrl()).hasToString("http://app.311.dc.gov/cwi/Open311/v2");

    // Boston lists its test endpoint second, and writes its changeset as '2011-09-1 17:35'.
    GeoReportClient boston = GeoReportClient.create(ClientConfig.builder()
        .discoveryUrl(server.url("/boston/discovery.json")).build());
    assertThat(boston.baseUrl()).hasToString("https://mayors24.cityofboston.gov/open311/v2");
    assertThat(boston.discovery().changeset()).isEqualTo("2011-09-1 17:35");
  }

  @Test
  void readsEveryDcService() {
    List<Service> services = client.services();
    assertThat(services).hasSizeGreaterThan(50);
    assertThat(services.get(0).code()).isEqualTo("CSRREPIS");
    assertThat(services.get(0).metadata()).isTrue();
    assertThat(services).allSatisfy(s -> assertThat(s.name()).isNotBlank());
  }

  @Test
  void readsDcDefinitionInOrderWithItsEmptyValueLists() {
    ServiceDefinition d = client.definition("S0301");
    assertThat(d.serviceCode()).isEqualTo("S0301");
    assertThat(d.attributes()).isSortedAccordingTo((a, b) -> Integer.compare(a.order(), b.order()));
    assertThat(d.attributes()).filteredOn(a -> a.code().equals("DSITR001")).singleElement()
        .satisfies(a -> {
          assertThat(a.variable()).isFalse();
          assertThat(a.datatype()).isEqualTo(Datatype.TEXT);
          assertThat(a.values()).isEmpty();
        });
    assertThat(d.attributes()).filteredOn(a -> a.code().equals("ISITHAZA")).singleElement()
        .satisfies(a -> assertThat(a.values()).extracting(v -> v.key()).containsExactly("NO001", "UNKNOWN", "YES001"));
  }

  @Test
  void readsTheStandardsExampleRequestsWithEmptyElementsAsAbsent() {
    List<ServiceRequest> requests = client.requests(Search.all());
    assertThat(requests).extracting(ServiceRequest::id).containsExactly("638344", "638349");
    ServiceRequest first = requests.get(0);
    assertThat(first.status()).isEqualTo(Status.CLOSED);
    assertThat(first.description()).isNull();
    assertThat(first.requestedDatetime()).isEqualTo(OffsetDateTime.parse("2010-04-14T06:37:38-08:00"));
    assertThat(first.lat()).isEqualTo(37.762221815);
  }

  @Test
  void readsOneRequestAndAToken() {
    assertThat(client.request("638344")).get().extracting(ServiceRequest::serviceCode).isEqualTo("006");
    RequestReceipt r = client.token("12345");
    assertThat(r.serviceRequestId()).isEqualTo("638344");
    assertThat(r.token()).isEqualTo("12345");
  }

  @Test
  void bostonsTokenReplyToAPostIsATokenWithoutId() {
    server.serve("/v2/requests.xml", 200, "text/xml", Resources.realResponse("boston-submitrequest-token.xml"));
    try {
      RequestReceipt r = client.post(NewRequest.builder("S0301").address("1 City Hall Sq").build());
      assertThat(r.token()).isEqualTo("503fc045901932078800163c");
      assertThat(r.serviceRequestId()).isNull();
    } finally {
      server.serve("/v2/requests.xml", 200, "text/xml", Resources.realResponse("service-requests.xml"));
    }
  }

  @Test
  void bostonsErrorDocumentIsAGeoReportException() {
    server.serve("/v2/services/DUP.xml", 400, "text/xml",
        Resources.realResponse("boston-err-submitrequest-base_is_duplicate.xml"));
    assertThatThrownBy(() -> client.definition("DUP"))
        .isInstanceOfSatisfying(GeoReportException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.code()).isEqualTo(400);
          assertThat(e.description()).isEqualTo("Invalid service request: base is a duplicate.");
          assertThat(e.call()).isEqualTo("GET services/DUP");
        });
  }

  @Test
  void jsonIsAskedForWithTheJsonExtension() {
    server.serve("/v2/services.json", 200, "application/json",
        "[{\"service_code\":1,\"service_name\":\"Pothole\",\"metadata\":\"false\",\"type\":\"realtime\"}]"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    GeoReportClient json = GeoReportClient.create(client.config().newBuilder().format(Format.JSON).build());
    assertThat(json.services()).singleElement().satisfies(s -> {
      assertThat(s.code()).isEqualTo("1");
      assertThat(s.metadata()).isFalse();
    });
  }
}
