package org.civic311.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.civic311.server.app.Application;
import org.civic311.server.testing.Commands.Run;
import org.civic311.server.config.Configuration;
import org.civic311.server.config.ConfigurationLoader;
import org.civic311.server.config.DatabaseSettings;
import org.civic311.server.domain.opendata.Columns;
import org.civic311.server.storage.NewRequest;
import org.civic311.server.storage.sql.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code civic311 export}: the downloads written to a file, with the same filters and privacy. */
class ExportCommandTest {
  static final String EMAIL = "export.probe.5d1e@example.net";

  /** Three requests in the demo jurisdiction: an old one, one with personal details, a hidden one. */
  static String seed(Path dir) throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("export.db");
    Configuration demo = ConfigurationLoader.demo().withDatabase(new DatabaseSettings(url, null, null));
    String j = demo.jurisdictions().get(0).id();
    String code = demo.jurisdictions().get(0).services().get(0).code();
    try (Database db = Application.openConfigured(demo)) {
      db.requests().insert(request(j, code, "Very old, \"quoted\"\nand wrapped", Instant.now().minus(Duration.ofDays(900)),
          new NewRequest.Reporter(null, null, null, null, null, null)));
      db.requests().insert(request(j, code, "Mail me at " + EMAIL, Instant.now(),
          new NewRequest.Reporter(EMAIL, "+1 555 0100 2222", "Exprobe", "Exprobelast", null, null)));
      long hidden = db.requests().insert(request(j, code, "Hidden export probe", Instant.now(),
          new NewRequest.Reporter(null, null, null, null, null, null))).id();
      try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
        s.executeUpdate("UPDATE service_requests SET hidden_reason = 'spam', hidden_at = 1 WHERE id = " + hidden);
      }
    }
    return url;
  }

  static NewRequest request(String j, String code, String description, Instant at, NewRequest.Reporter who) {
    return new NewRequest(j, code, code + " name", description, null, null, at.toEpochMilli(), null, "2 Export Rd",
        null, null, 51.5, -0.0001, null, null, Map.of(), null, who, "api", List.of());
  }

  @Test
  void exportsEveryPublicRequestAsCsvWithTheDictionarysColumns(@TempDir Path dir) throws Exception {
    String db = seed(dir);
    Path out = dir.resolve("requests.csv");
    Run r = CommandsTest.run("export", "--database", db, "--format", "csv", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Wrote 2 requests");
    assertThat(r.err()).as("a plain progress line when not on a terminal").contains("2 of 2 rows");
    String text = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(text).doesNotContain(EMAIL, "Exprobe", "Hidden export probe").contains("[email removed]");
    try (Reader in = Files.newBufferedReader(out);
        CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
      assertThat(csv.getHeaderNames()).isEqualTo(Columns.names(Columns.REQUESTS));
      List<CSVRecord> rows = csv.getRecords();
      assertThat(rows).hasSize(2);
      assertThat(rows.get(0).get("description")).isEqualTo("Very old, \"quoted\"\nand wrapped");
      assertThat(rows.get(0).get("long")).isEqualTo("-0.0001");
    }
    assertThat(dir.resolve("requests.csv.part")).doesNotExist();
  }

  @Test
  void filtersAndOtherFormatsAreTheDownloads(@TempDir Path dir) throws Exception {
    String db = seed(dir);
    Path geo = dir.resolve("old.geojson");
    Run r = CommandsTest.run("export", "--database", db, "--format", "geojson", "--end-date",
        Instant.now().minus(Duration.ofDays(100)).toString(), "--out", geo.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode doc = new ObjectMapper().readTree(geo.toFile());
    assertThat(doc.get("features")).hasSize(1);
    assertThat(doc.get("features").get(0).get("properties").get("description").asText()).startsWith("Very old");

    Path nd = dir.resolve("updates.ndjson");
    Run u = CommandsTest.run("export", "--database", db, "--format", "ndjson", "--updates", "--out", nd.toString());
    assertThat(u.code()).as(u.err()).isZero();
    assertThat(Files.readString(nd)).isEmpty();
  }

  @Test
  void badFiltersAndFormatsAreRefusedWithTheApisWords(@TempDir Path dir) throws Exception {
    String db = seed(dir);
    Run bad = CommandsTest.run("export", "--database", db, "--format", "csv", "--status", "sideways", "--out",
        dir.resolve("x.csv").toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("status 'sideways' is not open or closed");
    Run format = CommandsTest.run("export", "--database", db, "--format", "geojson", "--updates", "--out",
        dir.resolve("x.geojson").toString());
    assertThat(format.code()).isEqualTo(2);
    assertThat(dir.resolve("x.csv")).doesNotExist();
  }

  @Test
  void progressGivesRowsRateAndTimeLeft() {
    ProgressLine line = new ProgressLine(System.out, false, 1000);
    assertThat(line.describe(250, System.nanoTime() + 1_000_000_000L)).matches("250 of 1,000 rows, [\\d,]+ rows/s, about \\d+:\\d\\d left");
    assertThat(new ProgressLine(System.out, false, -1).describe(5, System.nanoTime())).startsWith("5 rows, ");
  }
}
