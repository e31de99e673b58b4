package org.civic311.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civic311.georeport.Format;
import org.civic311.georeport.ServiceRequest;
import org.junit.jupiter.api.Test;

/**
 * The six cities' sample rows (shared/data/open311-city-samples), served back in the shapes real
 * servers use: ids and codes as JSON numbers, coordinates as strings or empty, a list wrapped in
 * its container's name, XML with empty elements, datetimes without a zone. The client reads
 * every row of every city.
 */
class CitySamplesTest {
  record Row(String id, String status, String name, String code, String requested, String updated, String address,
      String lat, String lon) {}

  static Map<String, List<Row>> cities() throws IOException {
    Map<String, List<Row>> byCity = new LinkedHashMap<>();
    var dir = Resources.sharedData().resolve("open311-city-samples");
    for (String file : List.of("sample_311_data_1k_BLM_BRK_PEO.tsv", "sample_311_data_1k_BOS_CHI_SFO.tsv")) {
      List<String> lines = Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8);
      for (String line : lines.subList(1, lines.size())) {
        String[] c = line.split("\t", -1);
        byCity.computeIfAbsent(c[0], k -> new ArrayList<>())
            .add(new Row(c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9]));
      }
    }
    return byCity;
  }

  @Test
  void everyRowOfEveryCityIsRead() throws IOException {
    Map<String, List<Row>> cities = cities();
    assertThat(cities).hasSize(6);
    try (FakeServer server = new FakeServer()) {
      int style = 0;
      for (Map.Entry<String, List<Row>> city : cities.entrySet()) {
        String base = "/" + style + "/v2";
        Format format = style % 2 == 0 ? Format.JSON : Format.XML;
        String body = format == Format.JSON ? json(city.getValue(), style) : xml(city.getValue(), style);
        server.serve(base + "/requests." + format.extension(), 200, format.contentType(),
            body.getBytes(StandardCharsets.UTF_8));
        GeoReportClient client = GeoReportClient.create(ClientConfig.builder().baseUrl(server.url(base))
            .format(format).build());

        List<ServiceRequest> read = client.requests(Search.all());

        List<Row> rows = city.getValue();
        assertThat(read).as(city.getKey()).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
          Row row = rows.get(i);
          ServiceRequest r = read.get(i);
          assertThat(r.id()).as(city.getKey()).isEqualTo(row.id());
          assertThat(r.serviceCode()).isEqualTo(row.code());
          assertThat(r.status().wireName()).isEqualTo(row.status());
          assertThat(r.lat()).isEqualTo(row.lat().isEmpty() ? null : Double.valueOf(row.lat()));
          if (!row.requested().isEmpty()) {
            assertThat(r.requestedDatetime().toInstant()).isEqualTo(expectedTime(row.requested(), style));
          }
        }
        style++;
      }
    }
  }

  /** Style 4 drops the zone, which the reader then takes as UTC. */
  static java.time.Instant expectedTime(String text, int style) {
    OffsetDateTime t = OffsetDateTime.parse(text);
    return style == 4 ? t.toLocalDateTime().toInstant(java.time.ZoneOffset.UTC) : t.toInstant();
  }

  static String time(String text, int style) {
    if (text.isEmpty()) {
      return "2019-11-01T00:00:00Z";
    }
    return style == 4 ? text.substring(0, 19) : text;
  }

  static boolean numeric(String s) {
    return s.matches("\\d{1,15}");
  }

  /** JSON: ids and codes as numbers where they are digits; coordinates as strings; style 2 wraps the list. */
  static String json(List<Row> rows, int style) {
    StringBuilder s = new StringBuilder(style == 2 ? "{\"service_requests\":[" : "[");
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      s.append(i == 0 ? "" : ",").append("{\"service_request_id\":").append(numberOrString(r.id()))
          .append(",\"status\":\"").append(r.status()).append("\",\"service_name\":").append(string(r.name()))
          .append(",\"service_code\":").append(numberOrString(r.code()))
          .append(",\"requested_datetime\":\"").append(time(r.requested(), style))
          .append("\",\"updated_datetime\":").append(r.updated().isEmpty() ? "\"\"" : "\"" + time(r.updated(), style) + "\"")
          .append(",\"address\":").append(string(r.address()))
          .append(",\"lat\":\"").append(r.lat()).append("\",\"long\":\"").append(r.lon()).append("\"}");
    }
    return s.append(style == 2 ? "]}" : "]").toString();
  }

  /** XML: absent values as empty elements, self-closing in style 3. */
  static String xml(List<Row> rows, int style) {
    StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<service_requests>");
    for (Row r : rows) {
      s.append("<request><service_request_id>").append(r.id()).append("</service_request_id><status>")
          .append(r.status()).append("</status><service_name>").append(escape(r.name()))
          .append("</service_name><service_code>").append(r.code()).append("</service_code><requested_datetime>")
          .append(time(r.requested(), style)).append("</requested_datetime>")
          .append(element("updated_datetime", r.updated().isEmpty() ? "" : time(r.updated(), style), style))
          .append(element("address", escape(r.address()), style)).append(element("lat", r.lat(), style))
          .append(element("long", r.lon(), style)).append("</request>");
    }
    return s.append("</service_requests>").toString();
  }

  static String element(String name, String text, int style) {
    return text.isEmpty() && style == 3 ? "<" + name + "/>" : "<" + name + ">" + text + "</" + name + ">";
  }

  static String numberOrString(String s) {
    return numeric(s) ? s : string(s);
  }

  static String string(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;");
  }
}
