package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.Http;
import org.civic311.server.testing.RunningServer;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the one front door does alike for every family: HEAD, validators, paths as clients build them. */
class FrontDoorHttpTest {
  static final String API = Http.API;

  @RegisterExtension
  static final RunningServer server = new RunningServer(TestConfig.city());
  static String id;

  @BeforeAll
  static void oneRequest() {
    id = server.http().postForm(API + "/requests.json", Http.form("api_key", TestConfig.KEY, "service_code", "POT",
        "lat", "40.7", "long", "-74.0", "description", "A hole by the door")).json().get(0)
        .get("service_request_id").asText();
  }

  private static Answer head(String path) {
    return server.http().send(HttpRequest.newBuilder(server.http().uri(path))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()));
  }

  private static Answer get(String path, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(server.http().uri(path)).GET();
    if (headers.length > 0) {
      b.headers(headers);
    }
    return server.http().send(b);
  }

  @Test
  void headAnswersEveryGetResourceLikeGetWithoutTheBody() {
    for (String path : List.of(API + "/discovery.xml", API + "/services.json", API + "/services/POT.xml",
        API + "/requests.json", API + "/requests/" + id + ".json", API + "/servicerequestupdates.json",
        "/", "/browse", "/requests/" + id, "/report/POT", "/static/citizen.css", "/staff/login",
        "/staff/assets/staff.css", "/favicon.ico", "/robots.txt")) {
      Answer got = get(path);
      Answer headed = head(path);
      assertThat(headed.status()).as(path).isEqualTo(got.status()).isEqualTo(200);
      assertThat(headed.body()).as(path).isEmpty();
      assertThat(headed.headers().firstValue("Content-Type")).as(path).isEqualTo(got.headers().firstValue("Content-Type"));
      assertThat(headed.headers().firstValueAsLong("Content-Length").orElse(-1)).as(path)
          .isEqualTo(got.body().length);
    }
    assertThat(head(API + "/requests/999999.json").status()).isEqualTo(404);
  }

  @Test
  void anUnchangedDocumentIsAnswered304ByItsEtagOrItsDate() {
    for (String path : List.of(API + "/services.json", API + "/discovery.json", API + "/requests/" + id + ".xml",
        API + "/requests.json", "/", "/requests/" + id, "/favicon.ico")) {
      Answer first = get(path);
      String etag = first.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag on " + path));
      assertThat(first.headers().firstValue("Cache-Control").orElse("")).as(path).doesNotContain("no-store");
      Answer again = get(path, "If-None-Match", etag);
      assertThat(again.status()).as(path).isEqualTo(304);
      assertThat(again.body()).as(path).isEmpty();
      assertThat(again.headers().firstValue("ETag")).as(path).hasValue(etag);
      assertThat(get(path, "If-None-Match", "\"other\"").status()).as(path).isEqualTo(200);
    }
    Answer services = get(API + "/services.json");
    String modified = services.headers().firstValue("Last-Modified").orElseThrow();
    assertThat(services.headers().firstValue("Cache-Control").orElse("")).contains("max-age=60");
    assertThat(get(API + "/services.json", "If-Modified-Since", modified).status()).isEqualTo(304);
    assertThat(get(API + "/services.json", "If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT").status())
        .isEqualTo(200);
  }

  @Test
  void aChangedRequestGetsANewEtag() {
    String path = API + "/requests/" + id + ".json";
    String before = get(path).headers().firstValue("ETag").orElseThrow();
    Answer update = server.http().postForm(API + "/servicerequestupdates.json", Http.form("api_key", TestConfig.KEY,
        "service_request_id", id, "update_id", "door-" + System.nanoTime(), "status", "open",
        "updated_datetime", java.time.OffsetDateTime.now().toString(), "description", "Crew booked"));
    assertThat(update.status()).as(update.text()).isEqualTo(200);
    Answer after = get(path, "If-None-Match", before);
    assertThat(after.status()).isEqualTo(200);
    assertThat(after.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(before);
  }

  @Test
  void staffPagesAndWritesAreNeverCachedOrValidated() {
    Answer login = get("/staff/login");
    assertThat(login.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(login.headers().firstValue("ETag")).isEmpty();
    Answer post = server.http().postForm(API + "/requests.json", Http.form("api_key", TestConfig.KEY,
        "service_code", "POT", "address_string", "1 Main St"));
    assertThat(post.headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  @Test
  void doubleSlashesArePathsAsClientsBuildThem() {
    for (String path : List.of("/open311/v2//services.xml", "/open311//v2/requests.json", "//open311/v2/discovery.json")) {
      assertThat(get(path).status()).as(path).isEqualTo(200);
    }
  }

  @Test
  void theBareApiPathAndTheServerLevelDiscoveryLeadToDiscovery() {
    Answer server311 = get("/open311/discovery.json");
    assertThat(server311.status()).isEqualTo(200);
    assertThat(server311.json().get("endpoints").get(0).get("url").asText()).endsWith(API);
    assertThat(get("/open311/discovery.xml").text()).contains("<discovery>");
    for (String path : List.of(API, API + "/")) {
      Answer a = get(path);
      assertThat(a.status()).as(path).isEqualTo(302);
      assertThat(a.headers().firstValue("Location")).as(path).hasValue(API + "/discovery.xml");
    }
    assertThat(get(API + "/", "Accept", "application/json").headers().firstValue("Location"))
        .hasValue(API + "/discovery.json");
  }

  @Test
  void faviconAndRobotsAreRealFiles() {
    Answer icon = get("/favicon.ico");
    assertThat(icon.status()).isEqualTo(200);
    assertThat(icon.contentType()).isEqualTo("image/x-icon");
    assertThat(icon.body()).startsWith(new byte[] {0, 0, 1, 0});
    Answer robots = get("/robots.txt");
    assertThat(robots.contentType()).startsWith("text/plain");
    assertThat(robots.text()).contains("User-agent: *").contains("Disallow: /staff/");
  }

  @Test
  void unknownPathsAreAnsweredByTheirFamily() {
    Answer api = get(API + "/nothing.json");
    assertThat(api.status()).isEqualTo(404);
    assertThat(api.contentType()).startsWith("application/json");
    Answer staff = get("/staff/nothing");
    assertThat(staff.status()).isIn(303, 404);
    Answer page = get("/nothing");
    assertThat(page.status()).isEqualTo(404);
    assertThat(page.contentType()).startsWith("text/html");
    Answer photo = get("/media/nothing.jpg");
    assertThat(photo.status()).isEqualTo(404);
    assertThat(photo.contentType()).startsWith("text/plain");
  }

  @Test
  void methodsARouteDoesNotTakeAre405NamingTheOnesItDoes() {
    Answer put = server.http().method("PUT", "/browse");
    assertThat(put.status()).isEqualTo(405);
    assertThat(put.headers().firstValue("Allow")).hasValue("GET, HEAD");
    Answer delete = server.http().method("DELETE", API + "/requests.json");
    assertThat(delete.headers().firstValue("Allow")).hasValue("GET, HEAD, POST");
  }
}
