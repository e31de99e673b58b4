package org.civic311.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.civic311.server.testing.Commands.Run;
import org.civic311.server.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code civic311 import}: real files into a real SQLite file, reruns, rejects and bad input. */
class ImportCommandTest {
  static final String NYC_HEADER = "Unique Key,Created Date,Closed Date,Agency,Agency Name,Complaint Type,Descriptor,"
      + "Location Type,Incident Zip,Incident Address,City,Status,Due Date,Resolution Description,"
      + "Resolution Action Updated Date,Latitude,Longitude";

  /** The real data in shared/data beside the checkout. */
  static Path shared(String path) {
    return SharedData.file(path);
  }

  /** An NYC row: id, created, closed, complaint, descriptor, status, resolution, lat, long. */
  static String nycRow(String id, String created, String closed, String complaint, String descriptor, String status,
      String resolution, String lat, String lon) {
    return String.join(",", id, created, closed, "DSNY", "Department of Sanitation", complaint, descriptor,
        "Sidewalk", "10001", "\"1 PROBE STREET\"", "MANHATTAN", status, "", "\"" + resolution + "\"",
        closed, lat, lon);
  }

  static Path nycFile(Path dir, String name, String... rows) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, NYC_HEADER + "\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
    return f;
  }

  static long count(String url, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static List<CSVRecord> csv(Path file) throws Exception {
    try (Reader in = Files.newBufferedReader(file);
        CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
      return new ArrayList<>(p.getRecords());
    }
  }

  @Test
  void theNycSampleImportsOnceAndItsRejectsNameTheirLines(@TempDir Path dir) throws Exception {
    Path sample = shared("nyc-311/nyc-311-2023-02-28-sample.csv");
    String db = "jdbc:sqlite:" + dir.resolve("nyc.db");
    Path rejects = dir.resolve("nyc.rejects.csv");
    Run r = CommandsTest.run("import", "nyc", "--database", db, "--rejects", rejects.toString(), sample.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("read 4,999 rows", "4,997 imported", "2 rejected");
    assertThat(r.err()).as("plain progress lines off a terminal").contains("4,999 of 4,999 rows");
    assertThat(count(db, "SELECT COUNT(*) FROM service_requests WHERE jurisdiction_id = 'nyc'"
        + " AND channel = 'import' AND external_source = 'nyc-311'")).isEqualTo(4997);
    assertThat(count(db, "SELECT COUNT(*) FROM service_requests WHERE status = 'closed' AND closed_at IS NULL"))
        .isZero();
    assertThat(count(db, "SELECT COUNT(*) FROM service_requests WHERE closed_at < requested_at")).isZero();
    assertThat(count(db, "SELECT COUNT(*) FROM service_requests WHERE status_notes LIKE '%\u00e2\u0080%'"))
        .as("mojibake repaired").isZero();
    assertThat(count(db, "SELECT COUNT(*) FROM service_requests WHERE status_notes LIKE '%Transportation\u2019s%'"))
        .isPositive();
    assertThat(count(db, "SELECT COUNT(*) FROM services WHERE jurisdiction_id = 'nyc'")).isGreaterThan(50);

    List<CSVRecord> rows = csv(rejects);
    List<CSVRecord> rejected = rows.stream().filter(x -> x.get("outcome").equals("rejected")).toList();
    assertThat(rejected).extracting(x -> x.get("line")).containsExactly("2", "3");
    assertThat(rejected.get(0).get("reason")).contains("before it was created");
    assertThat(rejected.get(0).get("Unique Key")).isEqualTo("56923577");
    assertThat(rows).anySatisfy(x -> assertThat(x.get("reason")).contains("repaired mojibake"));
    assertThat(rows).anySatisfy(x -> assertThat(x.get("reason")).contains("no coordinates and no address"));

    long updates = count(db, "SELECT COUNT(*) FROM request_updates");
    assertThat(updates).isGreaterThanOrEqualTo(4417);
    Run again = CommandsTest.run("import", "nyc", "--database", db, "--rejects", rejects.toString(), sample.toString());
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).contains("0 imported, 0 updated, 4,997 unchanged, 2 rejected");
    assertThat(count(db, "SELECT COUNT(*) FROM service_requests")).isEqualTo(4997);
    assertThat(count(db, "SELECT COUNT(*) FROM request_updates")).isEqualTo(updates);
  }

  @Test
  void anEditedRowIsUpdatedAndItsClosingNoteReplaced(@TempDir Path dir) throws Exception {
    String db = "jdbc:sqlite:" + dir.resolve("edit.db");
    Path first = nycFile(dir, "first.csv",
        nycRow("901", "03/01/2023 09:00:00 AM", "", "Dirty Condition", "Trash", "Open", "", "40.75", "-73.99"),
        nycRow("902", "03/01/2023 10:00:00 AM", "03/02/2023 10:00:00 AM", "Dirty Condition", "Trash", "Closed",
            "Cleaned.", "40.76", "-73.98"));
    assertThat(CommandsTest.run("import", "nyc", "--database", db, first.toString()).out()).contains("2 imported");
    Path second = nycFile(dir, "second.csv",
        nycRow("901", "03/01/2023 09:00:00 AM", "03/03/2023 08:30:00 AM", "Dirty Condition", "Trash", "Closed",
            "Swept at last.", "40.75", "-73.99"),
        nycRow("902", "03/01/2023 10:00:00 AM", "03/02/2023 10:00:00 AM", "Dirty Condition", "Trash", "Closed",
            "Cleaned.", "40.76", "-73.98"),
        nycRow("903", "03/01/2023 11:00:00 AM", "", "Dirty Condition", "Trash", "Open", "", "", ""));
    Run r = CommandsTest.run("import", "nyc", "--database", db, second.toString());
    assertThat(r.out()).as(r.err()).contains("1 imported, 1 updated, 1 unchanged, 0 rejected");
    assertThat(count(db, "SELECT COUNT(*) FROM service_requests WHERE external_id = '901' AND status = 'closed'"
        + " AND status_notes = 'Swept at last.'")).isEqualTo(1);
    // 8:30 in New York in March 2023 is 13:30 UTC.
    assertThat(count(db, "SELECT closed_at FROM service_requests WHERE external_id = '901'"))
        .isEqualTo(java.time.Instant.parse("2023-03-03T13:30:00Z").toEpochMilli());
    assertThat(count(db, "SELECT COUNT(*) FROM request_updates u JOIN service_requests r ON r.id = u.request_id"
        + " WHERE r.external_id = '901'")).as("one imported update, replaced").isEqualTo(1);
    assertThat(count(db, "SELECT COUNT(*) FROM service_requests WHERE external_id = '903' AND lat IS NULL"))
        .isEqualTo(1);
  }

  @Test
  void aServicesFileMapsComplaintsOntoTheCatalogue(@TempDir Path dir) throws Exception {
    String db = "jdbc:sqlite:" + dir.resolve("mapped-services.db");
    Path services = dir.resolve("services.csv");
    Files.writeString(services, "complaint_type,descriptor,service_code\nDirty Condition,,cleaning\n"
        + "Noise,Loud,nowhere\n");
    Path first = nycFile(dir, "seed.csv",
        nycRow("1", "03/01/2023 09:00:00 AM", "", "Cleaning", "", "Open", "", "40.75", "-73.99"));
    // The first import makes the service whose code is "cleaning" (a complaint type alone).
    assertThat(CommandsTest.run("import", "nyc", "--database", db, first.toString()).out()).contains("1 imported");
    Path data = nycFile(dir, "mapped.csv",
        nycRow("2", "03/01/2023 10:00:00 AM", "", "Dirty Condition", "Trash", "Open", "", "40.75", "-73.99"),
        nycRow("3", "03/01/2023 11:00:00 AM", "", "Noise", "Loud", "Open", "", "40.75", "-73.99"));
    Run r = CommandsTest.run("import", "nyc", "--database", db, "--services", services.toString(), data.toString());
    assertThat(r.out()).as(r.err()).contains("1 imported", "1 rejected");
    assertThat(count(db, "SELECT COUNT(*) FROM service_requests WHERE external_id = '2' AND service_code = 'cleaning'"
        + " AND service_name = 'Cleaning'")).isEqualTo(1);
    assertThat(Files.readString(dir.resolve("mapped.csv.rejects.csv")))
        .contains("service code 'nowhere' is not in the catalogue of nyc");
  }

  @Test
  void theCitiesSamplesMakeAJurisdictionPerCity(@TempDir Path dir) throws Exception {
    String db = "jdbc:sqlite:" + dir.resolve("cities.db");
    for (String f : List.of("sample_311_data_1k_BLM_BRK_PEO.tsv", "sample_311_data_1k_BOS_CHI_SFO.tsv")) {
      Path file = shared("open311-city-samples/" + f);
      Run r = CommandsTest.run("import", "cities", "--database", db, "--rejects", dir.resolve("r.csv").toString(),
          file.toString());
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out()).contains("0 rejected");
    }
    assertThat(count(db, "SELECT COUNT(DISTINCT jurisdiction_id) FROM service_requests")).isEqualTo(6);
    assertThat(count(db, "SELECT COUNT(*) FROM jurisdictions WHERE id = 'san-francisco-ca'"
        + " AND time_zone = 'America/Los_Angeles'")).isEqualTo(1);
    assertThat(count(db, "SELECT COUNT(*) FROM service_requests WHERE jurisdiction_id = 'boston-ma'")).isEqualTo(200);
    Run again = CommandsTest.run("import", "cities", "--database", db,
        shared("open311-city-samples/sample_311_data_1k_BLM_BRK_PEO.tsv").toString());
    assertThat(again.out()).contains("0 imported, 0 updated");
  }

  static final String MAPPING = """
      # A city's own export
      source: springfield-crm
      jurisdiction: springfield
      jurisdiction_name: Springfield
      time_zone: America/Chicago
      time_format: "dd.MM.yyyy HH:mm"
      columns:
        external_id: Case
        requested_datetime: Opened
        closed_datetime: Closed
        service_name: Category
        description: Details
        status: State
        status_notes: Outcome
        lat: Y
        long: X
      statuses:
        Done: fixed
        New: open
      """;

  @Test
  void aCsvWithAMappingFileImports(@TempDir Path dir) throws Exception {
    String db = "jdbc:sqlite:" + dir.resolve("mapped.db");
    Path mapping = dir.resolve("springfield.yaml");
    Files.writeString(mapping, MAPPING);
    Path data = dir.resolve("cases.csv");
    Files.writeString(data, """
        Case,Opened,Closed,Category,Details,State,Outcome,Y,X
        A-1,01.02.2024 08:15,02.02.2024 09:00,Pothole,"Deep one, by the school",Done,Filled,39.78,-89.65
        A-2,03.02.2024 10:00,,Streetlight,Out,New,,39.79,-89.64
        A-3,04.02.2024 10:00,,Streetlight,Out,Sideways,,39.79,-89.64
        A-4,yesterday,,Streetlight,Out,New,,39.79,-89.64
        """);
    Run r = CommandsTest.run("import", "csv", "--database", db, "--mapping", mapping.toString(), data.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("2 imported", "2 rejected");
    assertThat(count(db, "SELECT COUNT(*) FROM service_requests WHERE jurisdiction_id = 'springfield'"
        + " AND external_source = 'springfield-crm' AND external_id = 'A-1' AND extended_status = 'fixed'"
        + " AND status = 'closed' AND service_name = 'Pothole'")).isEqualTo(1);
    // 08:15 in Springfield (Chicago time, CST) is 14:15 UTC.
    assertThat(count(db, "SELECT requested_at FROM service_requests WHERE external_id = 'A-1'"))
        .isEqualTo(java.time.Instant.parse("2024-02-01T14:15:00Z").toEpochMilli());
    List<CSVRecord> rejects = csv(dir.resolve("cases.csv.rejects.csv"));
    assertThat(rejects).extracting(x -> x.get("line") + " " + x.get("reason")).containsExactly(
        "4 State 'Sideways' is not a status the mapping file's 'statuses' names",
        "5 Opened 'yesterday' is not a time in the mapping's time_format");
  }

  @Test
  void aFileOfAnotherFormatIsRefusedNamingFileLineAndColumn(@TempDir Path dir) throws Exception {
    String db = "jdbc:sqlite:" + dir.resolve("bad.db");
    Path tsv = shared("open311-city-samples/sample_311_data_1k_BOS_CHI_SFO.tsv");
    Run wrong = CommandsTest.run("import", "nyc", "--database", db, tsv.toString());
    assertThat(wrong.code()).isEqualTo(1);
    assertThat(wrong.err()).contains(tsv + ":1: is not an NYC 311 Service Requests CSV: it has no column 'Unique Key'")
        .contains("Nothing was imported.").doesNotContain("Exception");

    Path missing = dir.resolve("missing.csv");
    Files.writeString(missing, "Unique Key,Created Date,Status\n1,03/01/2023 09:00:00 AM,Open\n");
    Run noColumn = CommandsTest.run("import", "nyc", "--database", db, missing.toString());
    assertThat(noColumn.code()).isEqualTo(1);
    assertThat(noColumn.err()).contains(missing + ":1: ", "no column 'Complaint Type'");

    Path latin1 = dir.resolve("latin1.csv");
    byte[] head = (NYC_HEADER + "\n" + nycRow("1", "03/01/2023 09:00:00 AM", "", "Noise", "Loud", "Open", "x", "", "")
        + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] bad = "2,03/01/2023 09:00:00 AM,,DSNY,D,Caf\u00e9 noise,Loud,S,1,A,B,Open,,x,,,\n"
        .getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[head.length + bad.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(bad, 0, all, head.length, bad.length);
    Files.write(latin1, all);
    Run encoding = CommandsTest.run("import", "nyc", "--database", db, latin1.toString());
    assertThat(encoding.code()).isEqualTo(1);
    assertThat(encoding.err()).contains(latin1 + ":3:37: is not UTF-8", "byte 0xe9").contains("Nothing was imported.");
    assertThat(count(db, "SELECT COUNT(*) FROM service_requests")).as("nothing half-imported").isZero();

    Path mapping = dir.resolve("typo.yaml");
    Files.writeString(mapping, MAPPING.replace("  description: Details", "  descriptoin: Details"));
    Run typo = CommandsTest.run("import", "csv", "--database", db, "--mapping", mapping.toString(), missing.toString());
    assertThat(typo.code()).isEqualTo(1);
    assertThat(typo.err()).contains(mapping + ":12:3: unknown field 'descriptoin'");

    Path notMapped = dir.resolve("other.csv");
    Files.writeString(notMapped, "Case,Opened\nA,01.02.2024 08:15\n");
    Files.writeString(mapping, MAPPING);
    Run column = CommandsTest.run("import", "csv", "--database", db, "--mapping", mapping.toString(),
        notMapped.toString());
    assertThat(column.code()).isEqualTo(1);
    assertThat(column.err()).contains(notMapped + ":1: has no column 'Closed', which " + mapping + " line 10 names");
  }
}
