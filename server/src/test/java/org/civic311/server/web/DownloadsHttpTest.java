package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.server.testing.Http.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.civic311.server.domain.opendata.Columns;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.RunningServer;
import org.civic311.server.testing.Seeder;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The bulk downloads, /data/requests.* and /data/updates.*, against a real server and store. */
class DownloadsHttpTest {
  static final String API = "/open311/v2";
  static final ObjectMapper JSON = new ObjectMapper();
  static final int BULK = 3000;
  @RegisterExtension
  static final RunningServer server = new RunningServer(TestConfig.city());

  /** Values that must never leave the server, whatever the format. */
  static final Map<String, String> PERSONAL = Map.of(
      "email", "wombat.download.91c2@example.net",
      "phone", "+1-555-0123-8841",
      "first_name", "Dlprobefirst",
      "last_name", "Dlprobelast",
      "device_id", "device-dl-probe-77aa",
      "account_id", "account-dl-probe-31bb");
  static final String TYPED_PHONE = "212-555-0147";
  static final String TYPED_EMAIL = "tipster.dl.probe@example.net";
  static final String NOTE_EMAIL = "crew.dl.probe@example.net";
  static final String HIDDEN = "Hiddenmarker quietly removed";
  static final String INTERNAL = "Internalnotemarker for staff eyes";
  static final String TRICKY = "He said \"deep\", then left;\nsecond line, with commas\r\nthird. Call " + TYPED_PHONE
      + " or " + TYPED_EMAIL;

  static String fresh;
  static String old;
  static String hidden;
  static String placeless;

  @BeforeAll
  static void seed() throws Exception {
    String[] pairs = {"api_key", TestConfig.KEY, "service_code", "POT", "description", TRICKY, "lat", "40.7128",
        "long", "-74.006", "address_string", "1 Quote \"Lane\", Apt 2", "media_url", "https://img.example.org/p.jpg"};
    List<String> all = new ArrayList<>(List.of(pairs));
    PERSONAL.forEach((k, v) -> {
      all.add(k);
      all.add(v);
    });
    Answer posted = server.http().postForm(API + "/requests.json", form(all.toArray(String[]::new)));
    assertThat(posted.status()).as(posted.text()).isEqualTo(200);
    fresh = posted.json().get(0).get("service_request_id").asText();
    Answer fixed = server.http().postForm(API + "/servicerequestupdates.json", form("api_key", TestConfig.KEY,
        "service_request_id", fresh, "update_id", "DL-" + fresh, "status", "FIXED", "updated_datetime",
        Instant.now().plusSeconds(3600).toString(), "description", "Filled; ask " + NOTE_EMAIL));
    assertThat(fixed.status()).as(fixed.text()).isEqualTo(200);
    try (Seeder seeder = new Seeder(server.fixture())) {
      old = Long.toString(seeder.request(TestConfig.CITY, "POT", Instant.now().minus(Duration.ofDays(400)),
          "An ancient pothole"));
      hidden = Long.toString(seeder.request(TestConfig.CITY, "POT", Instant.now(), HIDDEN));
      placeless = Long.toString(seeder.request(TestConfig.CITY, "LAMP", Instant.now(), "No place given"));
    }
    try (Connection c = server.connect()) {
      execute(c, "UPDATE service_requests SET hidden_reason = 'spam', hidden_at = 1 WHERE id = " + hidden);
      execute(c, "UPDATE service_requests SET lat = NULL, lon = NULL WHERE id = " + placeless);
      execute(c, "INSERT INTO staff_users (username, display_name, password_hash, role, created_at)"
          + " VALUES ('dl-agent', 'Agent', 'x', 'agent', 1)");
      execute(c, "INSERT INTO internal_notes (request_id, user_id, body, created_at) SELECT " + fresh + ", id, '"
          + INTERNAL + "', 2 FROM staff_users WHERE username = 'dl-agent'");
      bulk(c);
    }
  }

  static void execute(Connection c, String sql) throws Exception {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.executeUpdate();
    }
  }

  /** Many requests of the TIP service, long enough that a download outgrows the sockets' buffers. */
  static void bulk(Connection c) throws Exception {
    c.setAutoCommit(false);
    String text = "Fly-tipping behind the depot, ".repeat(20);
    try (PreparedStatement s = c.prepareStatement("INSERT INTO service_requests (jurisdiction_id, service_code,"
        + " service_name, status, description, requested_at, updated_at, lat, lon, attributes, channel)"
        + " VALUES (?, 'TIP', 'Fly-tipping', 'open', ?, ?, ?, 40.7, -74.0, '{}', 'phone')")) {
      long at = Instant.now().minus(Duration.ofDays(2000)).toEpochMilli();
      for (int i = 0; i < BULK; i++) {
        s.setString(1, TestConfig.CITY);
        s.setString(2, text + i);
        s.setLong(3, at + i * 60_000L);
        s.setLong(4, at + i * 60_000L);
        s.addBatch();
      }
      s.executeBatch();
    }
    c.commit();
    c.setAutoCommit(true);
  }

  static long publicCount() throws Exception {
    try (Connection c = server.connect();
        PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM service_requests WHERE hidden_at IS NULL");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static List<CSVRecord> csv(String text) throws Exception {
    return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
        .parse(new StringReader(text)).getRecords();
  }

  static CSVRecord row(List<CSVRecord> rows, String column, String value) {
    return rows.stream().filter(r -> r.get(column).equals(value)).findFirst()
        .orElseThrow(() -> new AssertionError("no row with " + column + " " + value));
  }

  static List<JsonNode> lines(String text) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      out.add(JSON.readTree(line));
    }
    return out;
  }

  static JsonNode line(List<JsonNode> lines, String field, String value) {
    return lines.stream().filter(n -> n.path(field).asText().equals(value)).findFirst()
        .orElseThrow(() -> new AssertionError("no line with " + field + " " + value));
  }

  @Test
  void closedDatetimeIsTheLastClosingUpdateAndPhotoCountCountsEveryStoredPhoto() throws Exception {
    Answer posted = server.http().postForm(API + "/requests.json", form("api_key", TestConfig.KEY,
        "service_code", "POT", "description", "A pothole, closed then noted", "lat", "40.8", "long", "-73.9"));
    assertThat(posted.status()).as(posted.text()).isEqualTo(200);
    String id = posted.json().get(0).get("service_request_id").asText();
    Instant closing = Instant.now().plusSeconds(1800).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    for (String[] update : new String[][] {{"FIXED", closing.toString()},
        {"UNCHANGED", closing.plusSeconds(5400).toString()}}) {
      Answer a = server.http().postForm(API + "/servicerequestupdates.json", form("api_key", TestConfig.KEY,
          "service_request_id", id, "update_id", "DL-" + update[0] + "-" + id, "status", update[0],
          "updated_datetime", update[1], "description", "note " + update[0]));
      assertThat(a.status()).as(a.text()).isEqualTo(200);
    }
    try (Connection c = server.connect()) {
      for (int position = 0; position < 3; position++) {
        execute(c, "INSERT INTO request_media (request_id, position, url) VALUES (" + id + ", " + position
            + ", 'https://img.example.org/" + id + "-" + position + ".jpg')");
      }
    }
    CSVRecord r = row(csv(server.http().get("/data/requests.csv?service_code=POT").text()), "service_request_id", id);
    JsonNode history = server.http().get(API + "/requests/" + id + ".json?extensions=true").json().get(0);
    String fixedAt = history.path("notes").get(0).path("datetime").asText();
    assertThat(fixedAt).isNotEmpty();
    assertThat(r.get("status")).isEqualTo("closed");
    assertThat(r.get("closed_datetime")).isEqualTo(fixedAt).isNotEqualTo(r.get("updated_datetime"));
    assertThat(r.get("photo_count")).isEqualTo("3");
    assertThat(history.path("extended_attributes").path("media_urls").size()).isEqualTo(3);
  }

  @Test
  void csvHasTheDictionarysColumnsAndRoundTripsQuotesCommasAndLineBreaks() throws Exception {
    Answer a = server.http().get("/data/requests.csv?service_code=POT");
    assertThat(a.status()).as(a.text()).isEqualTo(200);
    assertThat(a.contentType()).startsWith("text/csv");
    assertThat(a.headers().firstValue("Content-Disposition").orElse(""))
        .matches("attachment; filename=\"requests-city\\.example\\.org-\\d{8}\\.csv\"");
    CSVFormat header = CSVFormat.RFC4180.builder().setHeader().build();
    assertThat(header.parse(new StringReader(a.text())).getHeaderNames()).isEqualTo(Columns.names(Columns.REQUESTS));
    JsonNode api = server.http().get(API + "/requests/" + fresh + ".json").json().get(0);
    CSVRecord r = row(csv(a.text()), "service_request_id", fresh);
    assertThat(r.get("description")).isEqualTo(api.get("description").asText()).contains("\"deep\", then left;\n");
    assertThat(r.get("address")).isEqualTo("1 Quote \"Lane\", Apt 2");
    assertThat(r.get("status")).isEqualTo("closed");
    assertThat(r.get("extended_status")).isEqualTo("fixed");
    assertThat(r.get("requested_datetime")).isEqualTo(api.get("requested_datetime").asText());
    assertThat(r.get("closed_datetime")).isEqualTo(api.get("updated_datetime").asText()).endsWith(":00")
        .matches(".*[-+]\\d\\d:\\d\\d");
    assertThat(Double.parseDouble(r.get("days_to_close"))).isBetween(0.03, 0.05);
    assertThat(r.get("days_to_close")).matches("\\d+\\.\\d\\d");
    assertThat(r.get("photo_count")).isEqualTo("1");
    assertThat(r.get("channel")).isEqualTo("api");
    assertThat(r.get("lat")).isEqualTo("40.7128");
    assertThat(r.get("long")).isEqualTo("-74.006");
    assertThat(r.get("duplicate_of")).isEmpty();
    CSVRecord open = row(csv(a.text()), "service_request_id", old);
    assertThat(open.get("closed_datetime")).isEmpty();
    assertThat(open.get("days_to_close")).isEmpty();
  }

  @Test
  void geojsonIsAFeatureCollectionOfPointsWithTheColumnsAsProperties() throws Exception {
    Answer a = server.http().get("/data/requests.geojson?service_code=POT&service_code=LAMP");
    assertThat(a.status()).as(a.text()).isEqualTo(200);
    assertThat(a.contentType()).startsWith("application/geo+json");
    JsonNode doc = JSON.readTree(a.body());
    assertThat(doc.get("type").asText()).isEqualTo("FeatureCollection");
    JsonNode f = null;
    JsonNode none = null;
    for (JsonNode feature : doc.get("features")) {
      assertThat(feature.get("type").asText()).isEqualTo("Feature");
      List<String> names = new ArrayList<>();
      feature.get("properties").fieldNames().forEachRemaining(names::add);
      assertThat(names).isEqualTo(Columns.names(Columns.REQUESTS));
      String id = feature.get("properties").get("service_request_id").asText();
      if (id.equals(fresh)) {
        f = feature;
      } else if (id.equals(placeless)) {
        none = feature;
      }
    }
    assertThat(f).as("the fresh request").isNotNull();
    assertThat(f.get("geometry").get("type").asText()).isEqualTo("Point");
    assertThat(f.get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(-74.006);
    assertThat(f.get("geometry").get("coordinates").get(1).asDouble()).isEqualTo(40.7128);
    assertThat(f.get("properties").get("description").asText()).contains("\"deep\"");
    assertThat(f.get("properties").get("photo_count").isInt()).isTrue();
    assertThat(none).as("the request without a place").isNotNull();
    assertThat(none.get("geometry").isNull()).isTrue();
  }

  @Test
  void ndjsonLinesAreTheApisExtendedRequests() throws Exception {
    Answer a = server.http().get("/data/requests.ndjson?service_code=POT");
    assertThat(a.status()).as(a.text()).isEqualTo(200);
    assertThat(a.contentType()).startsWith("application/x-ndjson");
    JsonNode api = server.http().get(API + "/requests/" + fresh + ".json?extensions=true").json().get(0);
    assertThat(line(lines(a.text()), "service_request_id", fresh)).isEqualTo(api);
  }

  @Test
  void updatesComeAsCsvAndNdjsonAsTheApiShowsThem() throws Exception {
    JsonNode api = server.http().get(API + "/servicerequestupdates.json?service_request_id=" + fresh
        + "&start_date=2000-01-01&end_date=2100-01-01").json().get(0);
    Answer nd = server.http().get("/data/updates.ndjson?service_code=POT");
    assertThat(nd.status()).as(nd.text()).isEqualTo(200);
    assertThat(line(lines(nd.text()), "update_id", "DL-" + fresh)).isEqualTo(api);
    Answer c = server.http().get("/data/updates.csv?service_code=POT");
    assertThat(c.status()).isEqualTo(200);
    assertThat(c.headers().firstValue("Content-Disposition").orElse("")).contains("updates-city.example.org-");
    CSVRecord r = row(csv(c.text()), "update_id", "DL-" + fresh);
    assertThat(r.getParser().getHeaderNames()).isEqualTo(Columns.names(Columns.UPDATES));
    assertThat(r.get("description")).isEqualTo(api.get("description").asText()).doesNotContain(NOTE_EMAIL);
    assertThat(r.get("status")).isEqualTo("fixed");
    assertThat(r.get("jurisdiction_id")).isEqualTo(TestConfig.CITY);
  }

  @Test
  void withoutFiltersEveryPublicRequestEverMadeIsThereBeyondTheApisWindowAndCap() throws Exception {
    List<CSVRecord> rows = csv(server.http().get("/data/requests.csv").text());
    assertThat((long) rows.size()).isEqualTo(publicCount()).isGreaterThan(1000);
    assertThat(rows.stream().map(r -> r.get("service_request_id"))).contains(old, fresh).doesNotContain(hidden);
    assertThat(server.http().get(API + "/requests.json").text()).doesNotContain("\"" + old + "\"");
    List<Long> ids = rows.stream().map(r -> Long.parseLong(r.get("service_request_id"))).toList();
    assertThat(ids).isSorted();
  }

  @Test
  void hiddenRequestsAndPersonalDetailsAppearInNoFormat() {
    for (String path : List.of("/data/requests.csv", "/data/requests.geojson", "/data/requests.ndjson",
        "/data/updates.csv", "/data/updates.ndjson")) {
      Answer a = server.http().get(path + "?service_code=POT");
      assertThat(a.status()).as(path).isEqualTo(200);
      String everything = a.headers().map() + "\n" + a.text();
      for (Map.Entry<String, String> e : PERSONAL.entrySet()) {
        assertThat(everything).as(e.getKey() + " in " + path).doesNotContain(e.getValue());
      }
      assertThat(everything).as(path).doesNotContain(HIDDEN, INTERNAL, TYPED_PHONE, TYPED_EMAIL, NOTE_EMAIL,
          "spam");
      if (path.startsWith("/data/requests")) {
        assertThat(everything).as(path).contains("[phone removed]", "[email removed]");
      } else {
        assertThat(everything).as(path).contains("[email removed]");
      }
    }
  }

  @Test
  void filtersAreTheApis() throws Exception {
    List<CSVRecord> closed = csv(server.http().get("/data/requests.csv?status=closed").text());
    assertThat(closed).isNotEmpty().allSatisfy(r -> assertThat(r.get("status")).isEqualTo("closed"));
    List<CSVRecord> tips = csv(server.http().get("/data/requests.csv?service_code=TIP").text());
    assertThat(tips).hasSize(BULK).allSatisfy(r -> assertThat(r.get("channel")).isEqualTo("phone"));
    List<CSVRecord> ancient = csv(server.http().get("/data/requests.csv?service_code=POT&end_date="
        + Instant.now().minus(Duration.ofDays(300))).text());
    assertThat(ancient.stream().map(r -> r.get("service_request_id"))).containsExactly(old);
    List<CSVRecord> words = csv(server.http().get("/data/requests.csv?q=ancient").text());
    assertThat(words.stream().map(r -> r.get("service_request_id"))).containsExactly(old);
    List<CSVRecord> near = csv(server.http().get("/data/requests.csv?lat=40.7128&long=-74.006&radius=50").text());
    assertThat(near.stream().map(r -> r.get("service_request_id"))).containsExactly(fresh);
    List<CSVRecord> box = csv(server.http().get("/data/requests.csv?bbox=-74.01,40.71,-74.0,40.72").text());
    assertThat(box.stream().map(r -> r.get("service_request_id"))).containsExactly(fresh);
  }

  @Test
  void anUnchangedDownloadIsA304AndAChangeMakesANewTag() {
    Answer first = server.http().get("/data/requests.csv?service_code=LAMP");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(first.headers().firstValue("Last-Modified")).isPresent();
    assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
    Answer again = server.http().send(HttpRequest.newBuilder(server.http().uri("/data/requests.csv?service_code=LAMP"))
        .header("If-None-Match", etag).GET());
    assertThat(again.status()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    Answer otherFilter = server.http().get("/data/requests.csv?service_code=POT");
    assertThat(otherFilter.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
    Answer head = server.http().method("HEAD", "/data/requests.csv?service_code=LAMP");
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValue("ETag")).hasValue(etag);
    try (Seeder seeder = new Seeder(server.fixture())) {
      seeder.request(TestConfig.CITY, "LAMP", Instant.now(), "Another dark lamp");
    }
    Answer changed = server.http().send(HttpRequest.newBuilder(server.http().uri("/data/requests.csv?service_code=LAMP"))
        .header("If-None-Match", etag).GET());
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.text()).contains("Another dark lamp");
  }

  @Test
  void aBadFilterIsTheApis400AsAJsonErrorDocument() {
    Answer a = server.http().get("/data/requests.csv?status=sideways&bbox=1,2");
    Answer api = server.http().get(API + "/requests.json?status=sideways&bbox=1,2");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.contentType()).startsWith("application/json");
    assertThat(a.json()).isEqualTo(api.json());
    assertThat(a.json().get(0).get("description").asText()).contains("sideways");
  }

  @Test
  void anUnknownFormatIs404() {
    for (String path : List.of("/data/requests.xlsx", "/data/updates.geojson")) {
      Answer a = server.http().get(path);
      assertThat(a.status()).as(path).isEqualTo(404);
      assertThat(a.json().get(0).get("code").asInt()).isEqualTo(404);
    }
  }

  @Test
  void everyFormatIsCompressedWhenAsked() throws Exception {
    for (String path : List.of("/data/requests.csv", "/data/requests.geojson", "/data/requests.ndjson",
        "/data/updates.csv")) {
      Answer a = server.http().send(HttpRequest.newBuilder(server.http().uri(path + "?service_code=TIP"))
          .header("Accept-Encoding", "gzip").GET());
      assertThat(a.status()).as(path).isEqualTo(200);
      if (path.contains("updates")) {
        continue; // the bulk requests have no updates: too short to be worth compressing
      }
      assertThat(a.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
      try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(a.body()))) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).as(path).contains("Fly-tipping");
      }
    }
  }

  @Test
  void manyDownloadsAtOnceAllCompleteAndLeaveTheApiConnections() throws Exception {
    long expected = publicCount();
    List<java.util.concurrent.CompletableFuture<Integer>> running = new ArrayList<>();
    java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(10);
    for (int i = 0; i < 10; i++) {
      running.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
        try {
          return csv(server.http().get("/data/requests.csv").text()).size();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }, clients));
    }
    long t0 = System.nanoTime();
    Answer api = server.http().get(API + "/requests.json?service_code=POT&extensions=true");
    assertThat(api.status()).as(api.text()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
    for (var r : running) {
      assertThat((long) r.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(expected);
    }
    clients.shutdown();
  }

  @Test
  void clientsThatLeaveMidStreamFreeTheirConnectionsAndQueries() throws Exception {
    for (int i = 0; i < 20; i++) {
      try (Socket s = new Socket()) {
        s.setReceiveBufferSize(4096);
        s.connect(new InetSocketAddress("127.0.0.1", server.http().port()), 5_000);
        s.setSoTimeout(10_000);
        OutputStream out = s.getOutputStream();
        out.write(("GET /data/requests." + (i % 2 == 0 ? "csv" : "ndjson") + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        byte[] first = s.getInputStream().readNBytes(2048);
        assertThat(new String(first, StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 200");
      }
    }
    long t0 = System.nanoTime();
    Answer api = server.http().get(API + "/requests.json?service_code=POT");
    assertThat(api.status()).as(api.text()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
    for (int i = 0; i < 3; i++) {
      assertThat((long) csv(server.http().get("/data/requests.csv").text()).size()).isEqualTo(publicCount());
    }
  }
}
