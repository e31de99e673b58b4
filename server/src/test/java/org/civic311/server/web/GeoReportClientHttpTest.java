package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.civic311.client.ClientConfig;
import org.civic311.client.ExtendedRequest;
import org.civic311.client.GeoReportClient;
import org.civic311.client.GeoReportException;
import org.civic311.client.NewRequest;
import org.civic311.client.NewUpdate;
import org.civic311.client.Photo;
import org.civic311.client.Search;
import org.civic311.georeport.Datatype;
import org.civic311.georeport.Discovery;
import org.civic311.georeport.ExtendedStatus;
import org.civic311.georeport.Format;
import org.civic311.georeport.RequestReceipt;
import org.civic311.georeport.RequestUpdate;
import org.civic311.georeport.Service;
import org.civic311.georeport.ServiceDefinition;
import org.civic311.georeport.ServiceRequest;
import org.civic311.georeport.Status;
import org.civic311.server.testing.RunningServer;
import org.civic311.server.media.SamplePhotos;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The GeoReport suite's happy paths spoken by the project's own Java client, in both formats,
 * against the real server: the client and the server keep each other honest.
 */
class GeoReportClientHttpTest {
  @RegisterExtension
  static final RunningServer SERVER = new RunningServer(TestConfig.city());

  static GeoReportClient client(Format format) {
    return GeoReportClient.create(ClientConfig.builder()
        .discoveryUrl("http://127.0.0.1:" + SERVER.http().port() + "/open311/v2/discovery." + format.extension())
        .apiKey(TestConfig.KEY).jurisdiction(TestConfig.CITY).format(format).build());
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void discoveryGivesTheEndpointAndItsPaging(Format format) {
    GeoReportClient c = client(format);
    assertThat(c.baseUrl()).hasToString("http://127.0.0.1:" + SERVER.http().port() + "/open311/v2");
    Discovery d = c.discovery();
    assertThat(d.endpoints()).singleElement().satisfies(e -> assertThat(e.formats()).contains("text/xml"));
    assertThat(c.paging().advertised()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void servicesAndADefinition(Format format) {
    GeoReportClient c = client(format);
    assertThat(c.services()).extracting(Service::code).contains("LAMP", "POT", "BULK", "TIP", TestConfig.ODD_CODE);
    ServiceDefinition lamp = c.definition("LAMP");
    assertThat(lamp.attributes()).filteredOn(a -> a.code().equals("FAULT")).singleElement().satisfies(a -> {
      assertThat(a.required()).isTrue();
      assertThat(a.datatype()).isEqualTo(Datatype.MULTIVALUELIST);
    });
    assertThat(c.definition(TestConfig.ODD_CODE).serviceCode()).isEqualTo(TestConfig.ODD_CODE);
    assertThatThrownBy(() -> c.definition("NO-SUCH")).isInstanceOfSatisfying(GeoReportException.class,
        e -> assertThat(e.code()).isEqualTo(404));
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void postReadBackAndFilter(Format format) {
    GeoReportClient c = client(format);
    OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1);
    // Each format's run files its lamp at its own place, so the radius search finds only it.
    double lat = 40.7 + format.ordinal() * 0.1;
    RequestReceipt lamp = c.post(NewRequest.builder("LAMP").location(lat, -74.006).description("Dark " + format)
        .attribute("FAULT", "DARK", "DAY").attribute("SIDE", "N").email("private@example.org").build());
    assertThat(lamp.serviceRequestId()).isNotBlank();
    RequestReceipt pot = c.post(NewRequest.builder("POT").address("2 Elm St").build());

    ServiceRequest back = c.request(lamp.serviceRequestId()).orElseThrow();
    assertThat(back.serviceCode()).isEqualTo("LAMP");
    assertThat(back.description()).isEqualTo("Dark " + format);
    assertThat(back.lat()).isEqualTo(lat);

    Search recent = Search.builder().start(before).build();
    assertThat(c.requests(recent.newBuilder().serviceCodes("LAMP").build())).extracting(ServiceRequest::id)
        .contains(lamp.serviceRequestId()).doesNotContain(pot.serviceRequestId());
    assertThat(c.requests(recent.newBuilder().statuses(Status.CLOSED).build())).extracting(ServiceRequest::id)
        .doesNotContain(lamp.serviceRequestId());
    assertThat(c.requests(Search.builder().ids(pot.serviceRequestId()).build())).extracting(ServiceRequest::id)
        .containsExactly(pot.serviceRequestId());
    assertThat(c.requests(recent.newBuilder().near(lat, -74.006, 100).build())).extracting(ServiceRequest::id)
        .containsExactly(lamp.serviceRequestId());
    assertThat(c.requests(recent.newBuilder().bbox(-75, 40, -73, 41).updatedAfter(before).build()))
        .extracting(ServiceRequest::id).contains(lamp.serviceRequestId());
    assertThat(c.requests(recent.newBuilder().pageSize(1).page(1).build())).hasSize(1);

    List<ExtendedRequest> extended = c.extendedRequests(Search.builder().ids(lamp.serviceRequestId()).build());
    assertThat(extended).singleElement().satisfies(x -> {
      assertThat(x.extensions().channel()).isEqualTo("api");
      assertThat(x.extensions().attributes()).extracting(a -> a.value()).contains("DARK", "DAY");
    });
    assertThat(c.harvest(recent).map(ServiceRequest::id)).contains(lamp.serviceRequestId(), pot.serviceRequestId());
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void batchTokensAndBlackboxNotices(Format format) {
    GeoReportClient c = client(format);
    RequestReceipt batch = c.post(NewRequest.builder("BULK").address("3 Oak St").build());
    assertThat(batch.token()).isNotBlank();
    assertThat(batch.serviceRequestId()).isNull();
    RequestReceipt resolved = c.token(batch.token());
    assertThat(resolved.serviceRequestId()).isNotBlank();
    assertThat(c.request(resolved.serviceRequestId()).orElseThrow().serviceCode()).isEqualTo("BULK");

    RequestReceipt blackbox = c.post(NewRequest.builder("TIP").address("4 Ash St").build());
    assertThat(blackbox.serviceRequestId()).isNull();
    assertThat(blackbox.token()).isNull();
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void photosAndTheUpdateHistory(Format format) {
    GeoReportClient c = client(format);
    String id = c.post(NewRequest.builder("POT").address("5 Birch St")
        .photo(new Photo("hole.jpg", "image/jpeg", SamplePhotos.jpeg(64, 48))).build()).serviceRequestId();
    assertThat(c.request(id).orElseThrow().mediaUrl()).isNotBlank();

    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
    String updateId = c.postUpdate(NewUpdate.builder(id, "client-" + format + "-" + id, ExtendedStatus.IN_PROGRESS, now)
        .description("Crew on the way").build());
    assertThat(updateId).isNotBlank();
    List<RequestUpdate> history = c.updates(now.minusMinutes(5), now.plusMinutes(5));
    assertThat(history).filteredOn(u -> u.serviceRequestId().equals(id)).singleElement().satisfies(u -> {
      assertThat(u.status()).isEqualTo(ExtendedStatus.IN_PROGRESS);
      assertThat(u.description()).isEqualTo("Crew on the way");
    });
  }
}
