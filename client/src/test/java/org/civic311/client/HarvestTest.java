package org.civic311.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.civic311.georeport.DocumentWriter;
import org.civic311.georeport.Documents;
import org.civic311.georeport.Format;
import org.civic311.georeport.GeoDateTime;
import org.civic311.georeport.ServiceRequest;
import org.civic311.georeport.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A harvest walks a result of 2,500 requests whole, by page or by date windows. */
class HarvestTest {
  static final OffsetDateTime END = OffsetDateTime.of(2024, 6, 1, 0, 0, 0, 0, ZoneOffset.UTC);
  final List<ServiceRequest> all = new ArrayList<>();
  FakeServer server;

  @BeforeEach
  void start() {
    // One request an hour, newest first, as servers list them.
    for (int i = 0; i < 2500; i++) {
      all.add(new ServiceRequest("R" + i, Status.OPEN, null, null, "POT", null, null, null, END.minusHours(i + 1),
          null, null, null, null, null, null, null, null));
    }
    server = new FakeServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static Map<String, String> query(String raw) {
    Map<String, String> q = new HashMap<>();
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        q.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return q;
  }

  void serveRequests(boolean pages) {
    if (pages) {
      server.serve("/v2/discovery.xml", 200, "text/xml", ("<discovery><changeset>2024-01-01T00:00:00Z</changeset>"
          + "<page_size_max>1000</page_size_max><endpoints/></discovery>").getBytes(StandardCharsets.UTF_8));
    }
    server.on("/v2/requests.xml", c -> {
      Map<String, String> q = query(c.query());
      List<ServiceRequest> hits = all;
      if (q.containsKey("start_date")) {
        OffsetDateTime from = GeoDateTime.parse(q.get("start_date"), ZoneOffset.UTC);
        OffsetDateTime to = GeoDateTime.parse(q.get("end_date"), ZoneOffset.UTC);
        hits = all.stream().filter(r -> !r.requestedDatetime().isBefore(from) && !r.requestedDatetime().isAfter(to))
            .toList();
      }
      int size = Integer.parseInt(q.getOrDefault("page_size", "1000"));
      int page = pages ? Integer.parseInt(q.getOrDefault("page", "1")) : 1;
      int from = Math.min(hits.size(), (page - 1) * size);
      List<ServiceRequest> answer = hits.subList(from, Math.min(hits.size(), from + Math.min(size, 1000)));
      c.answer(200, "text/xml; charset=utf-8", new DocumentWriter().write(Documents.requests(answer), Format.XML));
    });
  }

  GeoReportClient client() {
    return GeoReportClient.create(ClientConfig.builder().baseUrl(server.url("/v2")).build());
  }

  @Test
  void byPageWhenDiscoveryAdvertisesPaging() {
    serveRequests(true);
    Harvest h = Harvest.of(client(), Search.all());
    List<String> ids = new ArrayList<>();
    h.forEachRemaining(r -> ids.add(r.id()));

    assertThat(h.byPage()).isTrue();
    assertThat(ids).hasSize(2500).doesNotHaveDuplicates();
    assertThat(h.calls()).isEqualTo(3);
  }

  @Test
  void byDateWindowsHalvedWhereverAnAnswerComesBackFull() {
    serveRequests(false);
    Search search = Search.builder().start(END.minusDays(200)).end(END).build();
    Harvest h = Harvest.of(client(), search);
    Set<String> ids = client().harvest(search).map(ServiceRequest::id).collect(Collectors.toSet());

    assertThat(h.byPage()).isFalse();
    assertThat(ids).hasSize(2500);
  }

  @Test
  void aStreamIsLazy() {
    serveRequests(true);
    assertThat(client().harvest(Search.all()).limit(5).map(ServiceRequest::id).toList())
        .containsExactly("R0", "R1", "R2", "R3", "R4");
    assertThat(server.calls()).filteredOn(c -> c.contains("requests")).hasSize(1);
  }

  @Test
  void aServerIgnoringPageEndsTheWalkInsteadOfLooping() {
    serveRequests(true);
    server.on("/v2/requests.xml", c -> c.answer(200, "text/xml",
        new DocumentWriter().write(Documents.requests(all.subList(0, 1000)), Format.XML)));
    List<ServiceRequest> got = client().harvest(Search.all()).toList();
    assertThat(got).hasSize(1000);
    assertThat(got.stream().sorted(Comparator.comparing(ServiceRequest::id)).map(ServiceRequest::id).distinct()).hasSize(1000);
  }
}
