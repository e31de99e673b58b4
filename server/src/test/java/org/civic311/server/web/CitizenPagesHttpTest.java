package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.server.testing.Http.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.civic311.server.media.SamplePhotos;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.Http;
import org.civic311.server.testing.RunningServer;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The public pages over HTTP: every validation error the report form can produce, the page
 * POST's limits, nearby reports and "me too", tracking, browsing, languages, escaping.
 */
class CitizenPagesHttpTest {
  @RegisterExtension
  static final RunningServer server = new RunningServer(TestConfig.city().pageLimit(1, 10));
  static final String API = Http.API;
  /** Each call comes from its own made-up client address, so the per-address limit stays out of the way. */
  static final AtomicInteger CLIENT = new AtomicInteger(1);

  static Answer get(String path, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(server.http().uri(path)).GET();
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return server.http().send(b);
  }

  static Answer postFrom(String client, String path, String... pairs) {
    return server.http().send(HttpRequest.newBuilder(server.http().uri(path))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", client)
        .POST(HttpRequest.BodyPublishers.ofString(form(pairs))));
  }

  static Answer post(String path, String... pairs) {
    return postFrom("10.0.0." + CLIENT.incrementAndGet() % 250, path, pairs);
  }

  static long idFrom(Answer a) {
    assertThat(a.status()).as(a.text()).isEqualTo(303);
    String location = a.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith("/thanks?id=");
    return Long.parseLong(location.replaceAll("^/thanks\\?id=(\\d+).*$", "$1"));
  }

  @Test
  void theStartPageListsTheServicesByGroupAndSearches() {
    Answer a = get("/");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.contentType()).startsWith("text/html");
    assertThat(a.text()).contains("Lighting").contains("Street light out").contains("href=\"/report/LAMP\"")
        .contains("Streets").contains("Pothole");
    String found = get("/?q=pothole").text();
    assertThat(found).contains("Pothole").doesNotContain("Street light out");
    assertThat(get("/?q=zzzz").text()).contains("No problem type matches");
  }

  @Test
  void aReportWithAnAddressOnlyBecomesAnOrdinaryRequest() {
    long id = idFrom(post("/report/POT", "address_string", "12 Elm St", "description", "Hole by the bus stop",
        "email", "resident@example.org", "first_name", "Rosa"));
    JsonNode r = server.http().get(API + "/requests/" + id + ".json?extensions=true").json().get(0);
    assertThat(r.get("service_code").asText()).isEqualTo("POT");
    assertThat(r.get("address").asText()).isEqualTo("12 Elm St");
    assertThat(r.get("extended_attributes").get("channel").asText()).isEqualTo("web");
    assertThat(r.toString()).doesNotContain("resident@example.org").doesNotContain("Rosa");
    Answer thanks = get("/thanks?id=" + id + "&following=1");
    assertThat(thanks.text()).contains("id=\"request-id\">" + id + "<").contains("href=\"/requests/" + id + "\"")
        .contains("email you");
    Answer track = get("/requests/" + id);
    assertThat(track.status()).isEqualTo(200);
    assertThat(track.text()).contains("Hole by the bus stop").contains("12 Elm St").contains("Open")
        .doesNotContain("resident@example.org");
  }

  @Test
  void everyQuestionTypeIsAskedAndChecked() {
    String page = get("/report/LAMP").text();
    assertThat(page).contains("type=\"checkbox\"").contains("name=\"attribute[FAULT][]\"")
        .contains("type=\"radio\"").contains("name=\"attribute[SIDE]\"")
        .contains("type=\"number\"").contains("type=\"datetime-local\"").contains("name=\"attribute[POLE]\"")
        .contains("<textarea id=\"q-NOTE\"").contains("Lamps are fixed within 5 days.");
    Answer bad = post("/report/LAMP", "lat", "40.1", "long", "-74.1", "description", "dark",
        "attribute[SIDE]", "EAST", "attribute[HEIGHT]", "tall", "attribute[SEEN]", "yesterday",
        "attribute[FAULT][]", "NOPE");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.text()).contains("Choose one of the options.").contains("Enter a number")
        .contains("Enter a date and time.").contains("id=\"problems\"");
    Answer missing = post("/report/LAMP", "lat", "40.1", "long", "-74.1", "description", "dark");
    assertThat(missing.text()).contains("Answer this question.");
    long id = idFrom(post("/report/LAMP", "lat", "40.1", "long", "-74.1", "description", "Lamp 7 dark",
        "attribute[FAULT][]", "DARK", "attribute[FAULT][]", "FLICKER", "attribute[SIDE]", "N",
        "attribute[HEIGHT]", "6.5", "attribute[SEEN]", "2026-11-20T21:30", "attribute[POLE]", "P-7",
        "confirm_new", "1"));
    JsonNode attrs = server.http().get(API + "/requests/" + id + ".json?extensions=true").json().get(0)
        .get("extended_attributes").get("attributes");
    assertThat(attrs.toString()).contains("DARK").contains("FLICKER").contains("6.5").contains("P-7");
  }

  @Test
  void locationDescriptionContactAndLengthsAreCheckedField_by_field() {
    Answer none = post("/report/POT", "description", "");
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.text()).contains("id=\"problem-location\"").contains("id=\"problem-description\"");
    Answer half = post("/report/POT", "lat", "40", "description", "x");
    assertThat(half.text()).contains("The place on the map is incomplete.");
    Answer range = post("/report/POT", "lat", "91", "long", "0", "description", "x");
    assertThat(range.text()).contains("The place on the map is not valid.");
    Answer contact = post("/report/POT", "address_string", "1 A St", "description", "x", "email", "not-an-email",
        "phone", "call me maybe");
    assertThat(contact.text()).contains("id=\"problem-email\"").contains("id=\"problem-phone\"");
    Answer longText = post("/report/POT", "address_string", "1 A St", "description", "y".repeat(4001));
    assertThat(longText.text()).contains("Use at most 4000 characters.");
    // What was typed stays in the form.
    assertThat(contact.text()).contains("value=\"not-an-email\"");
  }

  @Test
  void nearbyOpenReportsAreOfferedAndMeTooCountsOnce() {
    long first = idFrom(post("/report/POT", "lat", "40.5", "long", "-74.5", "description", "Crater on Oak"));
    Answer offer = post("/report/POT", "lat", "40.5005", "long", "-74.5004", "description", "Hole on Oak");
    assertThat(offer.status()).isEqualTo(200);
    assertThat(offer.text()).contains("Is it one of these?").contains("Crater on Oak")
        .contains("formaction=\"/requests/" + first + "/support\"").contains("name=\"confirm_new\" value=\"1\"");
    Answer far = post("/report/POT", "lat", "40.6", "long", "-74.5", "description", "Far away hole");
    assertThat(far.status()).as("nothing near, so no offer").isEqualTo(303);

    Answer meToo = post("/requests/" + first + "/support", "me_too", Long.toString(first));
    assertThat(meToo.status()).isEqualTo(303);
    String cookie = meToo.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    assertThat(server.http().get(API + "/requests/" + first + ".json?extensions=true").json().get(0)
        .get("extended_attributes").get("support_count").asText()).isEqualTo("1");
    Answer again = server.http().send(HttpRequest.newBuilder(server.http().uri("/requests/" + first + "/support"))
        .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("")));
    assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith("?already=1");
    assertThat(get("/requests/" + first).text()).contains("id=\"support\">1<");
    long made = idFrom(post("/report/POT", "lat", "40.5005", "long", "-74.5004", "description", "Hole on Oak",
        "confirm_new", "1"));
    assertThat(made).isGreaterThan(first);
  }

  @Test
  void meTooCountsOncePerAddressAndDayEvenWithoutTheCookie() {
    long id = idFrom(post("/report/POT", "lat", "42.5", "long", "-71.5", "description", "Sinkhole on Elm"));
    Answer first = postFrom("10.210.0.1", "/requests/" + id + "/support");
    assertThat(first.headers().firstValue("Location").orElseThrow()).endsWith("?supported=1");
    // The same address again, with the cookie thrown away (another browser, or a script).
    Answer again = postFrom("10.210.0.1", "/requests/" + id + "/support");
    assertThat(again.status()).isEqualTo(303);
    assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith("?already=1");
    assertThat(supportOf(id)).isEqualTo(1);
    Answer neighbour = postFrom("10.210.0.2", "/requests/" + id + "/support");
    assertThat(neighbour.headers().firstValue("Location").orElseThrow()).endsWith("?supported=1");
    assertThat(supportOf(id)).isEqualTo(2);
    assertThat(postFrom("10.210.0.3", "/requests/99999999/support").status()).isEqualTo(404);
  }

  static int supportOf(long id) {
    return server.http().get(API + "/requests/" + id + ".json?extensions=true").json().get(0)
        .get("extended_attributes").get("support_count").asInt();
  }

  @Test
  void theHoneypotAndCrossSitePostsAreRefused() {
    Answer robot = post("/report/POT", "address_string", "1 A St", "description", "spam", "website", "http://spam");
    assertThat(robot.status()).isEqualTo(400);
    Answer cross = server.http().send(HttpRequest.newBuilder(server.http().uri("/report/POT"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "https://evil.example.com")
        .header("X-Forwarded-For", "10.9.9.9")
        .POST(HttpRequest.BodyPublishers.ofString(form("address_string", "1 A St", "description", "x"))));
    assertThat(cross.status()).isEqualTo(403);
  }

  @Test
  void oneAddressMayPostOnlySoOftenAndBigBodiesAreRefused() {
    int accepted = 0;
    Answer last = null;
    for (int i = 0; i < 12; i++) {
      last = postFrom("10.200.0.1", "/report/POT", "address_string", "1 Flood St", "description", "");
      if (last.status() != 429) {
        accepted++;
      }
    }
    assertThat(accepted).isEqualTo(10);
    assertThat(last.status()).isEqualTo(429);
    assertThat(last.text()).contains("Too many reports");
    assertThat(last.contentType()).startsWith("text/html");
    assertThat(last.headers().firstValue("RateLimit-Limit")).hasValue("10");
    assertThat(last.headers().firstValue("RateLimit-Remaining")).hasValue("0");
    assertThat(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
    Answer elsewhere = postFrom("10.200.0.2", "/report/POT", "address_string", "1 Flood St", "description", "");
    assertThat(elsewhere.status()).as("another address has its own budget").isEqualTo(400);
    assertThat(elsewhere.headers().firstValue("RateLimit-Remaining")).hasValue("9");
    // A body a few times the limit (64 KiB in tests) is read and dropped, so the client sees the 413.
    byte[] big = new byte[256 * 1024];
    Answer refused = server.http().send(HttpRequest.newBuilder(server.http().uri("/report/POT"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", "10.201.0.1")
        .POST(HttpRequest.BodyPublishers.ofByteArray(big)));
    assertThat(refused.status()).isEqualTo(413);
    assertThat(refused.text()).contains("too large");
    // A body far beyond it is refused from its declared length alone, before any of it is read.
    String headersOnly = server.http().raw(("POST /report/POT HTTP/1.1\r\nHost: localhost\r\n"
        + "Content-Type: application/x-www-form-urlencoded\r\nX-Forwarded-For: 10.201.0.2\r\n"
        + "Content-Length: " + (64 * 1024 * 1024) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    assertThat(headersOnly).startsWith("HTTP/1.1 413");
  }

  @Test
  void photosAreCheckedByTheirBytes() {
    String boundary = "----civic311page";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    java.util.function.BiConsumer<String, String> field = (n, v) -> body.writeBytes(("--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"" + n + "\"\r\n\r\n" + v + "\r\n").getBytes(StandardCharsets.UTF_8));
    field.accept("address_string", "2 Photo St");
    field.accept("description", "with a photo");
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"media\"; filename=\"a.jpg\"\r\n"
        + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(SamplePhotos.jpeg(64, 48));
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    Answer ok = server.http().send(HttpRequest.newBuilder(server.http().uri("/report/POT"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("X-Forwarded-For", "10.202.0.1")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    long id = idFrom(ok);
    assertThat(server.http().get(API + "/requests/" + id + ".json").json().get(0).get("media_url").asText())
        .contains("/media/");
    assertThat(get("/requests/" + id).text()).contains("<img src=\"/media/");

    String html = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"address_string\"\r\n\r\n3 St\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\nbad photo\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"media\"; filename=\"photo.jpg\"\r\n"
        + "Content-Type: image/jpeg\r\n\r\n<html><script>alert(1)</script></html>\r\n--" + boundary + "--\r\n";
    Answer bad = server.http().send(HttpRequest.newBuilder(server.http().uri("/report/POT"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("X-Forwarded-For", "10.202.0.2")
        .POST(HttpRequest.BodyPublishers.ofString(html)));
    assertThat(bad.status()).isEqualTo(415);
    assertThat(bad.text()).contains("id=\"problem-media\"").contains("JPEG, PNG, WebP or HEIC");
  }

  @Test
  void pagesSpeakSpanishWhenAskedAndRememberIt() {
    Answer byHeader = get("/", "Accept-Language", "es-MX,es;q=0.9,en;q=0.5");
    assertThat(byHeader.text()).contains("<html lang=\"es\">").contains("Reportar un problema");
    Answer bySwitch = get("/?lang=es");
    assertThat(bySwitch.text()).contains("Reportar un problema");
    String cookie = bySwitch.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).startsWith("lang=es");
    assertThat(get("/browse", "Cookie", "lang=es").text()).contains("Reportes recientes");
    Answer errors = server.http().send(HttpRequest.newBuilder(server.http().uri("/report/POT"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "lang=es")
        .header("X-Forwarded-For", "10.203.0.1").POST(HttpRequest.BodyPublishers.ofString("description=")));
    assertThat(errors.text()).contains("Describa el problema.");
    assertThat(get("/", "Accept-Language", "fr-FR").text()).contains("<html lang=\"en\">");
  }

  @Test
  void browsingFiltersByServiceStatusAndArea() {
    idFrom(post("/report/LAMP", "lat", "41.0", "long", "-73.0", "description", "Old lamp flickers",
        "attribute[FAULT][]", "FLICKER"));
    assertThat(get("/browse?service=LAMP").text()).contains("Street light out").contains("Old lamp flickers");
    assertThat(get("/browse?service=LAMP&bbox=-73.5,40.5,-72.5,41.5").text()).contains("Old lamp flickers");
    assertThat(get("/browse?service=LAMP&bbox=10,10,11,11").text()).contains("No reports match");
    Answer badBox = get("/browse?bbox=1,2,3");
    assertThat(badBox.status()).isEqualTo(400);
    assertThat(badBox.text()).contains("The area is not valid.");
    assertThat(get("/browse?status=closed&service=LAMP").text()).doesNotContain("Old lamp flickers");
  }

  @Test
  void aBatchServiceAnswersWithItsReferenceAndStillLeadsToTheRequest() {
    Answer a = post("/report/BULK", "lat", "41.2", "long", "-73.2", "description", "Old sofa");
    assertThat(a.status()).isEqualTo(303);
    String location = a.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith("/thanks?token=");
    String thanks = get(location).text();
    assertThat(thanks).contains("id=\"request-token\"").contains("id=\"track-link\"");
  }

  @Test
  void markupInReportsIsShownAsTextOnEveryPublicPage() {
    long id = idFrom(post("/report/POT", "address_string", "<b>4</b> \"Q\" St", "description",
        "<script>alert(1)</script> & <img src=x onerror=alert(2)>"));
    for (String path : new String[] {"/requests/" + id, "/browse?service=POT"}) {
      String text = get(path).text();
      assertThat(text).as(path).doesNotContain("<script>alert(1)").doesNotContain("<img src=x")
          .doesNotContain("<b>4</b>").contains("&lt;script&gt;");
    }
  }

  @Test
  void unknownServicesRequestsAndHiddenRequestsAreNotFound() {
    assertThat(get("/report/NOPE").status()).isEqualTo(404);
    assertThat(get("/requests/99999999").status()).isEqualTo(404);
    assertThat(get("/requests/abc").status()).isEqualTo(404);
    assertThat(get("/unsubscribe/not-a-token").status()).isEqualTo(404);
    assertThat(get("/static/nothing.js").status()).isEqualTo(404);
    assertThat(get("/static/citizen.js").status()).isEqualTo(200);
    assertThat(server.http().method("DELETE", "/report/POT").status()).isEqualTo(405);
  }

  @Test
  void pagesForbidFramingAndForeignScripts() {
    Answer a = get("/report/POT");
    assertThat(a.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'")
        .contains("frame-ancestors 'none'").contains("https://tile.openstreetmap.org");
    assertThat(a.headers().firstValue("X-Frame-Options")).hasValue("DENY");
  }
}
