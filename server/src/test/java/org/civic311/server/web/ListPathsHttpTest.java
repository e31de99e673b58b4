package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.civic311.server.storage.NewRequest;
import org.civic311.server.storage.sql.Database;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.ServerFixture;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A public list is read by its public columns and written without a document tree; a request
 * named by id still goes the general way (every column, then the tree). Both must give the same
 * bytes for the same requests, on each store.
 */
class ListPathsHttpTest {
  static final String API = "/open311/v2";
  private static final String[] TEXTS = {null, "Pothole on the corner", "write to me at jo@example.org or 555-123-4567",
      "caf\u00e9 \u2603 \uD83D\uDE00 & <b>bold</b>", "line one\r\nline two\t\"quoted\" \\", ""};

  ServerFixture server;
  Database database;

  @BeforeEach
  void start() {
    server = ServerFixture.start(TestConfig.city());
    var s = server.database().settings();
    database = Database.open(s.url(), s.user(), s.password());
  }

  @AfterEach
  void stop() throws Exception {
    database.close();
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "xml"})
  void aListIsByteForByteWhatTheGeneralPathWritesForTheSameRequests(String format) {
    Random random = new Random(18);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    List<Long> stored = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      boolean placed = random.nextInt(4) > 0;
      stored.add(database.requests().insert(new NewRequest(TestConfig.CITY, "POT", "Pothole", text(random),
          random.nextBoolean() ? "Streets" : null, random.nextBoolean() ? "Fixed within a week" : null,
          now.minusSeconds(random.nextInt(80 * 86_400)).toEpochMilli(),
          random.nextBoolean() ? now.plusSeconds(random.nextInt(9 * 86_400)).toEpochMilli() : null, text(random),
          random.nextBoolean() ? "A" + i : null, random.nextBoolean() ? "10001" : null,
          placed ? 40 + random.nextDouble() : null, placed ? -74 + random.nextDouble() : null,
          random.nextBoolean() ? "https://example.org/p" + i + ".jpg" : null, null, Map.of("FOO", List.of("x")),
          null, new NewRequest.Reporter("secret@example.org", "5550001111", "Ann", "Lee", "dev-1", "acct-1"), "api",
          List.of())).id());
    }

    Answer list = server.http().get(API + "/requests." + format + "?page_size=100");
    assertThat(list.status()).as(list.text()).isEqualTo(200);
    List<String> ids = ids(server.http().get(API + "/requests.json?page_size=100"));
    assertThat(ids).hasSize(stored.size());

    Answer general = server.http().get(API + "/requests." + format + "?service_request_id=" + String.join(",", ids));
    assertThat(general.status()).as(general.text()).isEqualTo(200);
    assertThat(list.text()).isEqualTo(general.text());
    assertThat(list.body()).isEqualTo(general.body());
    assertThat(list.text()).doesNotContain("secret@example.org", "5550001111", "acct-1", "dev-1", "jo@example.org");
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "xml"})
  void aKeptPageIsServedAgainUntilAnythingIsWrittenThenTheNextReadSeesTheWrite(String format) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    long first = insert(now.minusSeconds(3_600), "first");
    String path = API + "/requests." + format + "?service_code=POT";
    Answer a = server.http().get(path);
    Answer again = server.http().get(path);
    assertThat(again.body()).isEqualTo(a.body());
    assertThat(again.headers().firstValue("ETag")).isEqualTo(a.headers().firstValue("ETag"));
    assertThat(listed(a, format)).containsExactly(first);

    // Written by another connection, as another process or node would: the next read has it.
    long second = insert(now.minusSeconds(60), "second");
    Answer after = server.http().get(path);
    assertThat(listed(after, format)).containsExactly(second, first);
    assertThat(after.headers().firstValue("ETag")).isNotEqualTo(a.headers().firstValue("ETag"));

    // A status change of a listed request is seen at once too.
    try (java.sql.Connection c = server.connect();
        java.sql.PreparedStatement st = c.prepareStatement("UPDATE service_requests SET status = 'closed' WHERE id = ?")) {
      st.setLong(1, first);
      assertThat(st.executeUpdate()).isEqualTo(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    Answer closed = server.http().get(path + "&status=closed");
    assertThat(listed(closed, format)).containsExactly(first);
    Answer all = server.http().get(path);
    assertThat(all.body()).isNotEqualTo(after.body());
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "xml"})
  void aKeptPageIsSentCompressedToClientsThatAcceptGzipAndRevalidatesTo304(String format) throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    for (int i = 0; i < 30; i++) {
      insert(now.minusSeconds(60L * i), "request number " + i + " on a long street name");
    }
    String path = API + "/requests." + format;
    Answer plain = server.http().get(path);
    for (int round = 0; round < 2; round++) {
      Answer zipped = server.http().send(java.net.http.HttpRequest.newBuilder(server.http().uri(path)).GET()
          .header("Accept-Encoding", "gzip"));
      assertThat(zipped.status()).isEqualTo(200);
      assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
      assertThat(zipped.headers().allValues("Vary").toString()).contains("Accept-Encoding");
      try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body()))) {
        assertThat(in.readAllBytes()).isEqualTo(plain.body());
      }
      String tag = zipped.headers().firstValue("ETag").orElseThrow();
      assertThat(tag).endsWith("--gzip\"");
      Answer same = server.http().send(java.net.http.HttpRequest.newBuilder(server.http().uri(path)).GET()
          .header("Accept-Encoding", "gzip").header("If-None-Match", tag));
      assertThat(same.status()).isEqualTo(304);
    }
    Answer refused = server.http().send(java.net.http.HttpRequest.newBuilder(server.http().uri(path)).GET()
        .header("Accept-Encoding", "gzip;q=0, identity"));
    assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(refused.body()).isEqualTo(plain.body());
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "xml"})
  void oneRequestIsKeptUntilItChangesAndAHiddenOneIsNotFound(String format) {
    long id = insert(Instant.now().minusSeconds(600), "before");
    String path = API + "/requests/" + id + "." + format;
    Answer a = server.http().get(path);
    assertThat(a.status()).as(a.text()).isEqualTo(200);
    assertThat(a.text()).contains("before");
    assertThat(server.http().get(path).body()).isEqualTo(a.body());
    assertThat(a.headers().firstValue("Last-Modified")).isPresent();
    // The general path (extensions) gives the same standard fields for it.
    assertThat(server.http().get(API + "/requests." + format + "?service_request_id=" + id).body()).isEqualTo(a.body());

    execute("UPDATE service_requests SET description = 'after' WHERE id = ?", id);
    assertThat(server.http().get(path).text()).contains("after").doesNotContain("before");
    execute("UPDATE service_requests SET hidden_at = 1, hidden_reason = 'abuse' WHERE id = ?", id);
    assertThat(server.http().get(path).status()).isEqualTo(404);
    assertThat(server.http().get(API + "/requests/x" + id + "." + format).status()).isEqualTo(404);
  }

  private void execute(String sql, long id) {
    try (java.sql.Connection c = server.connect(); java.sql.PreparedStatement st = c.prepareStatement(sql)) {
      st.setLong(1, id);
      assertThat(st.executeUpdate()).isEqualTo(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Long> listed(Answer a, String format) {
    assertThat(a.status()).as(a.text()).isEqualTo(200);
    List<Long> ids = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(format.equals("json")
        ? "\"service_request_id\":\"(\\d+)\"" : "<service_request_id>(\\d+)</service_request_id>").matcher(a.text());
    while (m.find()) {
      ids.add(Long.parseLong(m.group(1)));
    }
    return ids;
  }

  private long insert(Instant at, String description) {
    return database.requests().insert(new NewRequest(TestConfig.CITY, "POT", "Pothole", description, null, null,
        at.toEpochMilli(), null, "1 Test St", null, null, 40.5, -74.0, null, null, Map.of(), null,
        new NewRequest.Reporter(null, null, null, null, null, null), "api", List.of())).id();
  }

  private static String text(Random random) {
    return TEXTS[random.nextInt(TEXTS.length)];
  }

  private static List<String> ids(Answer a) {
    List<String> ids = new ArrayList<>();
    for (JsonNode r : a.json()) {
      ids.add(r.get("service_request_id").asText());
    }
    return ids;
  }
}
