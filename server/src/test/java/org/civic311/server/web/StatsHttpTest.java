package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.server.testing.Http.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.RunningServer;
import org.civic311.server.testing.StaffAccounts;
import org.civic311.server.testing.StaffClient;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Statistics: the rollups agree with a count of the requests after creates, updates, closures and
 * edits; {@code /data/stats.json} gives the numbers of a known set of requests; bad filters are
 * GeoReport errors; the dashboards render in both languages. Runs on either store.
 */
class StatsHttpTest {
  static final String API = "/open311/v2";
  static final String MARCH = "start_date=2024-03-01&end_date=2024-03-31";
  static final String EMAIL = "statsprobe.91@example.net";

  @RegisterExtension
  static final RunningServer server = new RunningServer(TestConfig.city());

  static long a;
  static long b;
  static long c;
  static long d;
  static long e;
  static long today;

  @BeforeAll
  static void requests() throws Exception {
    // Twenty street lights closed in a day and a half each, a few days ago: the history new ones learn from.
    long now = System.currentTimeMillis();
    try (Connection db = server.connect(); PreparedStatement s = db.prepareStatement("INSERT INTO service_requests"
        + " (jurisdiction_id, service_code, service_name, status, requested_at, updated_at, closed_at, attributes)"
        + " VALUES (?, 'LAMP', 'Street light out', 'closed', ?, ?, ?, '{}')")) {
      for (int i = 0; i < 20; i++) {
        long made = now - 5 * 86_400_000L + i * 60_000L;
        s.setString(1, TestConfig.CITY);
        s.setLong(2, made);
        s.setLong(3, made + 36 * 3_600_000L);
        s.setLong(4, made + 36 * 3_600_000L);
        assertThat(s.executeUpdate()).isEqualTo(1);
      }
    }
    a = post("POT", "40.715", "-74.005");
    b = post("POT", "40.715", "-74.005");
    c = post("POT", "40.905", "-73.505");
    d = post("LAMP", "40.715", "-74.005", "attribute[FAULT]", "DARK");
    e = post("LAMP", "40.715", "-74.005", "attribute[FAULT]", "DARK");
    today = post("POT", "40.715", "-74.005");
    // Closed through the API, as a city's system would: the V11 trigger sets closed_at.
    Answer u = server.http().postForm(API + "/servicerequestupdates.json", form("api_key", TestConfig.KEY,
        "service_request_id", Long.toString(today), "update_id", "S-1", "status", "closed",
        "updated_datetime", Instant.now().plusSeconds(1).toString(), "description", "Filled"));
    assertThat(u.status()).as(u.toString()).isEqualTo(200);
    try (Connection db = server.connect(); Statement s = db.createStatement()) {
      s.executeUpdate("UPDATE services SET sla_days = 5 WHERE code = 'POT'");
      // Moved into March 2024 as an import would move them.
      set(db, a, "2024-03-04T10:00:00Z", "2024-03-06T10:00:00Z");
      set(db, b, "2024-03-05T00:00:00Z", "2024-03-15T00:00:00Z");
      set(db, c, "2024-03-05T12:00:00Z", null);
      set(db, d, "2024-03-10T00:00:00Z", "2024-03-10T01:30:00Z");
      set(db, e, "2024-02-20T00:00:00Z", "2024-03-02T00:00:00Z");
    }
  }

  static long post(String service, String lat, String lon, String... extra) {
    List<String> pairs = new ArrayList<>(List.of("api_key", TestConfig.KEY, "service_code", service, "description",
        "Stats probe", "lat", lat, "long", lon, "email", EMAIL, "first_name", "Statsprobefirst"));
    pairs.addAll(List.of(extra));
    Answer r = server.http().postForm(API + "/requests.json", form(pairs.toArray(String[]::new)));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json().get(0).get("service_request_id").asLong();
  }

  static void set(Connection db, long id, String requested, String closed) throws Exception {
    try (PreparedStatement s = db.prepareStatement(
        "UPDATE service_requests SET requested_at = ?, closed_at = ?, status = ? WHERE id = ?")) {
      s.setLong(1, Instant.parse(requested).toEpochMilli());
      if (closed == null) {
        s.setNull(2, java.sql.Types.BIGINT);
      } else {
        s.setLong(2, Instant.parse(closed).toEpochMilli());
      }
      s.setString(3, closed == null ? "open" : "closed");
      s.setLong(4, id);
      assertThat(s.executeUpdate()).isEqualTo(1);
    }
  }

  @Test
  void rollupsEqualACountOfTheRequests() throws Exception {
    try (Connection db = server.connect()) {
      assertRollupsMatch(db);
      // A staff edit moves a request to another service and agency; a deletion takes it away.
      try (Statement s = db.createStatement()) {
        s.executeUpdate("UPDATE service_requests SET service_code = 'LAMP', agency_responsible = 'Parks' WHERE id = "
            + c);
        s.executeUpdate("UPDATE service_requests SET service_code = 'POT' WHERE id = " + c);
      }
      assertRollupsMatch(db);
    }
  }

  /** Counts the requests in Java and compares each rollup with the count, cell by cell. */
  static void assertRollupsMatch(Connection db) throws Exception {
    Map<String, Long> days = new TreeMap<>();
    Map<String, Long> closes = new TreeMap<>();
    Map<String, Long> cells = new TreeMap<>();
    Map<String, Long> open = new TreeMap<>();
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT jurisdiction_id, service_code,"
        + " COALESCE(agency_responsible, ''), requested_at, closed_at, lat, lon, status FROM service_requests")) {
      while (rs.next()) {
        String j = rs.getString(1);
        String code = rs.getString(2);
        String agency = rs.getString(3);
        long requested = rs.getLong(4);
        long closed = rs.getLong(5);
        boolean isClosed = !rs.wasNull();
        double lat = rs.getDouble(6);
        boolean located = !rs.wasNull();
        double lon = rs.getDouble(7);
        days.merge(j + "|" + requested / 86_400_000L + "|" + code + "|" + agency + "|opened", 1L, Long::sum);
        if (isClosed) {
          days.merge(j + "|" + closed / 86_400_000L + "|" + code + "|" + agency + "|closed", 1L, Long::sum);
          long took = closed - requested;
          long bucket = took < 259_200_000L ? Math.max(0, took) / 3_600_000L : Math.min(69 + took / 86_400_000L, 1069);
          closes.merge(j + "|" + closed / 86_400_000L + "|" + code + "|" + bucket, 1L, Long::sum);
        }
        if (located) {
          var t = Instant.ofEpochMilli(requested).atZone(java.time.ZoneOffset.UTC);
          cells.merge(j + "|" + (t.getYear() * 12 + t.getMonthValue() - 1) + "|" + code + "|"
              + (int) Math.floor(lat * 100) + "|" + (int) Math.floor(lon * 100), 1L, Long::sum);
        }
        if (rs.getString(8).equals("open")) {
          open.merge(j + "|" + code + "|" + agency, 1L, Long::sum);
        }
      }
    }
    assertThat(rollup(db, "SELECT jurisdiction_id || '|' || day || '|' || service_code || '|' || agency || '|opened',"
        + " opened FROM stats_days WHERE opened <> 0 UNION ALL SELECT jurisdiction_id || '|' || day || '|'"
        + " || service_code || '|' || agency || '|closed', closed FROM stats_days WHERE closed <> 0"))
        .isEqualTo(days);
    assertThat(rollup(db, "SELECT jurisdiction_id || '|' || day || '|' || service_code || '|' || bucket, n"
        + " FROM stats_close_times WHERE n <> 0")).isEqualTo(closes);
    assertThat(rollup(db, "SELECT jurisdiction_id || '|' || month || '|' || service_code || '|' || cell_lat || '|'"
        + " || cell_lon, n FROM stats_cells WHERE n <> 0")).isEqualTo(cells);
    assertThat(rollup(db, "SELECT jurisdiction_id || '|' || service_code || '|' || agency, n FROM stats_open"
        + " WHERE n <> 0")).isEqualTo(open);
    assertThat(days).isNotEmpty();
    assertThat(closes).isNotEmpty();
  }

  static Map<String, Long> rollup(Connection db, String sql) throws Exception {
    Map<String, Long> out = new TreeMap<>();
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getLong(2));
      }
    }
    return out;
  }

  @Test
  void theNumbersOfAKnownMonth() {
    Answer r = server.http().get("/data/stats.json?" + MARCH);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/json");
    JsonNode j = r.json();
    assertThat(j.get("period").asText()).isEqualTo("day");
    assertThat(j.get("totals").get("requested").asLong()).isEqualTo(4);
    assertThat(j.get("totals").get("closed").asLong()).isEqualTo(4);
    assertThat(j.get("series")).hasSize(31);
    assertThat(j.get("series").get(4).get("start").asText()).isEqualTo("2024-03-05");
    assertThat(j.get("series").get(4).get("requested").asLong()).isEqualTo(2);
    assertThat(j.get("series").get(5).get("closed").asLong()).isEqualTo(1);
    JsonNode pot = service(j, "POT");
    assertThat(pot.get("requested").asLong()).isEqualTo(3);
    assertThat(pot.get("closed").asLong()).isEqualTo(2);
    assertThat(pot.get("open_now").asLong()).isEqualTo(1);
    assertThat(pot.get("sla_days").asInt()).isEqualTo(5);
    assertThat(pot.get("median_days_to_close").asDouble()).isEqualTo(2.0);
    assertThat(pot.get("p90_days_to_close").asDouble()).isEqualTo(10.8);
    assertThat(pot.get("share_closed_within_target").asDouble()).isEqualTo(0.5);
    JsonNode lamp = service(j, "LAMP");
    assertThat(lamp.get("requested").asLong()).isEqualTo(1);
    assertThat(lamp.get("closed").asLong()).isEqualTo(2);
    assertThat(lamp.get("share_closed_within_target").isNull()).isTrue();
    JsonNode cells = j.get("cells").get("items");
    assertThat(cells).hasSize(2);
    assertThat(cells.get(0).get("south").asDouble()).isEqualTo(40.71);
    assertThat(cells.get(0).get("west").asDouble()).isEqualTo(-74.01);
    assertThat(cells.get(0).get("requests").asLong()).isEqualTo(3);
    JsonNode slowest = j.get("slowest_open");
    assertThat(slowest).hasSize(1);
    assertThat(slowest.get(0).get("service_request_id").asText()).isEqualTo(Long.toString(c));
    assertThat(slowest.get(0).get("days_over_target").asDouble()).isGreaterThan(100);
    assertThat(r.text()).doesNotContain(EMAIL).doesNotContain("Statsprobefirst").doesNotContain("Stats probe");
  }

  static JsonNode service(JsonNode stats, String code) {
    for (JsonNode s : stats.get("services")) {
      if (s.get("service_code").asText().equals(code)) {
        return s;
      }
    }
    throw new AssertionError("no service " + code + " in " + stats);
  }

  @Test
  void filtersByGroupAndServiceAndPeriod() {
    JsonNode lighting = server.http().get("/data/stats.json?" + MARCH + "&group=Lighting").json();
    assertThat(lighting.get("totals").get("requested").asLong()).isEqualTo(1);
    assertThat(lighting.get("services")).hasSize(1);
    JsonNode weeks = server.http().get("/data/stats.json?" + MARCH + "&service_code=POT&period=week").json();
    assertThat(weeks.get("series").get(0).get("start").asText()).isEqualTo("2024-02-26");
    assertThat(weeks.get("series").get(1).get("requested").asLong()).isEqualTo(3);
  }

  @Test
  void badFiltersAreGeoReportErrors() {
    assertError("/data/stats.json?start_date=2024-03-10&end_date=2024-03-01", 400, "before start_date");
    assertError("/data/stats.json?" + MARCH + "&service_code=NOPE", 400, "service_code 'NOPE'");
    assertError("/data/stats.json?" + MARCH + "&group=Nowhere", 400, "group 'Nowhere'");
    assertError("/data/stats.json?start_date=2020-01-01&end_date=2023-12-31&period=day", 400, "too wide");
    assertError("/data/stats.json?start_date=yesterday", 400, "start_date must be a date");
    assertError("/data/stats.json?start_date=1900-01-01&end_date=1900-02-01", 400, "1970-01-01");
    assertError("/data/stats.json?period=hour", 400, "period must be");
    assertError("/data/stats.json?jurisdiction_id=elsewhere.example", 404, "elsewhere.example");
    assertError("/data/stats.csv?table=people", 400, "table must be");
  }

  static void assertError(String path, int status, String words) {
    Answer r = server.http().get(path);
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    assertThat(r.json().get(0).get("code").asInt()).isEqualTo(status);
    assertThat(r.json().get(0).get("description").asText()).contains(words);
  }

  @Test
  void eachTableIsACsvDownload() {
    Answer r = server.http().get("/data/stats.csv?table=services&" + MARCH);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("text/csv");
    String[] lines = r.text().split("\r\n");
    assertThat(lines[0]).startsWith("service_code,service_name,group,sla_days,requested,closed");
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("POT,Pothole,Streets,5,3,2,1,2.0,10.8,0.5"));
  }

  @Test
  void theDashboardRendersInEnglishAndSpanishWithItsTables() {
    Answer en = server.http().get("/stats?" + MARCH + "&lang=en");
    assertThat(en.status()).as(en.toString()).isEqualTo(200);
    assertThat(en.text()).contains("id=\"table-series\"", "id=\"table-services\"", "id=\"table-cells\"",
        "id=\"table-slowest\"", "Pothole", "Download this table as CSV", "/browse?bbox=-74.01,40.71,",
        "/stats/assets/echarts.min.js");
    assertThat(en.text()).doesNotContain(EMAIL);
    Answer es = server.http().get("/stats?" + MARCH + "&lang=es");
    assertThat(es.status()).isEqualTo(200);
    assertThat(es.text()).contains("lang=\"es\"", "Reportes hechos y cerrados", "Descargar esta tabla en CSV");
    Answer bad = server.http().get("/stats?start_date=2024-03-10&end_date=2024-03-01&lang=en");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.text()).contains("role=\"alert\"", "before start_date");
    Answer script = server.http().get("/stats/assets/echarts.min.js");
    assertThat(script.status()).isEqualTo(200);
    assertThat(script.body().length).isGreaterThan(500_000);
  }

  @Test
  void aNewRequestExpectsTheUsualTimeOfItsService() throws Exception {
    long lamp = post("LAMP", "40.715", "-74.005", "attribute[FAULT]", "DARK");
    JsonNode r = server.http().get(API + "/requests/" + lamp + ".json?extensions=true").json().get(0);
    long requested = java.time.OffsetDateTime.parse(r.get("requested_datetime").asText()).toInstant().toEpochMilli();
    long expected = java.time.OffsetDateTime.parse(r.get("expected_datetime").asText()).toInstant().toEpochMilli();
    // Closed in a day and a half: the median of the bucket of hour 36, kept to the hour.
    assertThat(expected - requested).isBetween(36 * 3_600_000L, 37 * 3_600_000L);
    assertThat(r.get("extended_attributes").get("expected_datetime_estimated").asText()).isEqualTo("true");
    assertThat(server.http().get("/requests/" + lamp + "?lang=en").text())
        .contains("Requests like this are usually closed within 2 days.");
    assertThat(server.http().get("/thanks?id=" + lamp + "&lang=es").text())
        .contains("Las solicitudes como esta suelen cerrarse en 2 días.");
    // A date set afterwards (by staff, say) is no longer an estimate.
    try (Connection db = server.connect(); Statement s = db.createStatement()) {
      s.executeUpdate("UPDATE service_requests SET expected_at = expected_at + 86400000 WHERE id = " + lamp);
    }
    JsonNode after = server.http().get(API + "/requests/" + lamp + ".json?extensions=true").json().get(0);
    assertThat(after.get("extended_attributes").has("expected_datetime_estimated")).isFalse();
  }

  @Test
  void withoutHistoryTheTargetIsTheEstimate() throws Exception {
    try (Connection db = server.connect(); Statement s = db.createStatement()) {
      s.executeUpdate("UPDATE services SET sla_days = 3 WHERE code = '" + TestConfig.ODD_CODE + "'");
    }
    server.fixture().app().jurisdictions().reload();
    long made = post(TestConfig.ODD_CODE, "40.715", "-74.005");
    JsonNode r = server.http().get(API + "/requests/" + made + ".json?extensions=true").json().get(0);
    assertThat(r.get("extended_attributes").get("expected_datetime_estimated").asText()).isEqualTo("true");
    assertThat(server.http().get("/requests/" + made + "?lang=en").text())
        .contains("The city aims to close requests like this within 3 days.");
  }

  @Test
  void staffSeeAgenciesAndTheOverdueQueue() throws Exception {
    try (Connection db = server.connect(); Statement s = db.createStatement()) {
      s.executeUpdate("UPDATE service_requests SET expected_at = " + Instant.parse("2024-03-08T00:00:00Z").toEpochMilli()
          + " WHERE id = " + c);
    }
    assertThat(StaffClient.anonymous(server.http()).get("/staff/stats").status()).isIn(302, 303, 401);
    StaffAccounts.create(server.fixture(), "statsclerk", "agent", TestConfig.CITY);
    StaffClient staff = StaffClient.signIn(server.http(), "statsclerk", StaffAccounts.PASSWORD);
    Answer page = staff.get("/staff/stats?" + MARCH);
    assertThat(page.status()).as(page.text()).isEqualTo(200);
    assertThat(page.text()).contains("Overdue queue", "/staff/requests/" + TestConfig.CITY + "/" + c, "By agency",
        "Highways");
  }
}
