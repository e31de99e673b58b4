package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.civic311.server.app.Application;
import org.civic311.server.domain.imports.ImportSource;
import org.civic311.server.domain.imports.Importer;
import org.civic311.server.storage.sql.Database;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.Http;
import org.civic311.server.testing.RunningServer;
import org.civic311.server.testing.SharedData;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Imported requests are ordinary requests: the API and the downloads show them, on the store under test. */
class ImportHttpTest {
  @RegisterExtension
  static final RunningServer server = new RunningServer(TestConfig.city());

  static Importer.Summary summary;

  @BeforeAll
  static void importTheNycSample(@TempDir Path dir) throws Exception {
    Path sample = SharedData.file("nyc-311/nyc-311-2023-02-28-sample.csv");
    try (Database db = Application.openMigrated(server.database().settings())) {
      summary = new Importer(db.imports(), Clock.systemUTC()).run(ImportSource.nyc(sample, "nyc", null),
          dir.resolve("rejects.csv"), new Importer.Totals(), n -> { });
    }
    server.fixture().app().jurisdictions().reload();
  }

  @Test
  void theImportCountsEveryRow() {
    assertThat(summary.read()).isEqualTo(4999);
    assertThat(summary.added()).isEqualTo(4997);
    assertThat(summary.rejected()).isEqualTo(2);
  }

  @Test
  void aDateWindowFindsAnImportedRequestThroughTheApi() {
    // 56926734: a pothole created 02/28/2023 11:44:53 PM New York time, closed the next evening.
    Answer a = server.http().get(Http.API + "/requests.json?jurisdiction_id=nyc"
        + "&start_date=2023-02-28T23:44:53-05:00&end_date=2023-02-28T23:44:53-05:00");
    assertThat(a.status()).as(a.text()).isEqualTo(200);
    JsonNode list = a.json();
    assertThat(list).hasSize(1);
    JsonNode r = list.get(0);
    assertThat(r.get("service_name").asText()).isEqualTo("Street Condition: Pothole");
    assertThat(r.get("status").asText()).isEqualTo("closed");
    assertThat(r.get("agency_responsible").asText()).isEqualTo("DOT");
    assertThat(r.get("requested_datetime").asText()).isEqualTo("2023-02-28T23:44:53-05:00");
    assertThat(r.get("status_notes").asText()).contains("repaired the problem");
    assertThat(r.get("address").asText()).isEqualTo("FT WASHINGTON AVENUE, MANHATTAN");
  }

  @Test
  void theWholeDayIsThereAndTheDownloadHasEveryImportedRequest() throws Exception {
    Answer page = server.http().get(Http.API + "/requests.json?jurisdiction_id=nyc"
        + "&start_date=2023-02-28T23:00:00-05:00&end_date=2023-02-28T23:59:59-05:00&page_size=1000");
    assertThat(page.status()).as(page.text()).isEqualTo(200);
    assertThat(page.json().size()).isBetween(100, 1000);

    Answer csv = server.http().get("/data/requests.csv?jurisdiction_id=nyc");
    assertThat(csv.status()).as(csv.text()).isEqualTo(200);
    try (CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
        .parse(new StringReader(csv.text()))) {
      List<CSVRecord> rows = p.getRecords();
      assertThat(rows).hasSize(4997);
      assertThat(rows).anySatisfy(x -> assertThat(x.get("service_name")).isEqualTo("Noise - Residential: Banging/Pounding"));
    }
  }

  @Test
  void theFullTextAndPlaceIndexesHoldEveryImportedRequest() throws Exception {
    // The import fills both indexes after each batch (a bulk load): a search by word and by place
    // finds exactly what the rows say.
    String day = "&start_date=2023-02-28T00:00:00-05:00&end_date=2023-02-28T23:59:59-05:00&page_size=1000";
    Answer potholes = server.http().get(Http.API + "/requests.json?jurisdiction_id=nyc&q=pothole" + day);
    assertThat(potholes.status()).as(potholes.text()).isEqualTo(200);
    assertThat(potholes.json().size()).isPositive();
    for (JsonNode r : potholes.json()) {
      assertThat(r.get("description").asText() + " " + r.get("address").asText() + " "
          + r.path("status_notes").asText()).containsIgnoringCase("pothole");
    }

    Answer csv = server.http().get("/data/requests.csv?jurisdiction_id=nyc");
    try (CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
        .parse(new StringReader(csv.text()))) {
      List<CSVRecord> rows = p.getRecords();
      CSVRecord placed = rows.stream().filter(x -> !x.get("lat").isEmpty()).findFirst().orElseThrow();
      double lat = Double.parseDouble(placed.get("lat"));
      double lon = Double.parseDouble(placed.get("long"));
      String at = placed.get("requested_datetime");
      Answer near = server.http().get(Http.API + "/requests.json?jurisdiction_id=nyc&bbox=" + (lon - 0.0005) + ","
          + (lat - 0.0005) + "," + (lon + 0.0005) + "," + (lat + 0.0005) + "&start_date=" + enc(at) + "&end_date="
          + enc(at));
      assertThat(near.status()).as(near.text()).isEqualTo(200);
      assertThat(near.json().findValuesAsText("service_request_id"))
          .contains(placed.get("service_request_id"));
      // Every closed request carries its close time, written by the import itself.
      assertThat(rows).filteredOn(x -> x.get("status").equals("closed"))
          .isNotEmpty().allSatisfy(x -> assertThat(x.get("closed_datetime")).isNotEmpty());
    }
  }

  private static String enc(String v) {
    return java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8);
  }
}
