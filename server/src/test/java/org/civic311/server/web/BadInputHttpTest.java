package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.server.testing.Http.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.RunningServer;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Hostile and broken input over real HTTP: every refusal must be a GeoReport error document in
 * the requested format, with the right status and a description naming what was wrong, and
 * never an HTML page or a stack trace. Text that is merely awkward (SQL, markup, emoji, CR LF)
 * must be stored and returned exactly.
 */
class BadInputHttpTest {
  static final String API = "/open311/v2";
  static final String XML = "text/xml; charset=utf-8";
  static final String JSON = "application/json; charset=utf-8";
  static final int LIMIT = 64 * 1024;
  static final ObjectMapper MAPPER = new ObjectMapper();
  @RegisterExtension
  static final RunningServer server = new RunningServer(TestConfig.city());

  // ---- helpers -------------------------------------------------------------------------------

  static Answer post(String format, String encodedBody) {
    return server.http().postForm(API + "/requests." + format, encodedBody);
  }

  static Answer get(String pathAndQuery) {
    return server.http().get(API + pathAndQuery);
  }

  /** A valid POT submission plus extra name-value pairs. */
  static String pot(String... extra) {
    List<String> pairs = new ArrayList<>(List.of("api_key", TestConfig.KEY, "service_code", "POT",
        "address_string", "1 Main St"));
    pairs.addAll(List.of(extra));
    return form(pairs.toArray(String[]::new));
  }

  /** A valid LAMP submission (FAULT answered) plus extra name-value pairs. */
  static String lamp(String... extra) {
    List<String> pairs = new ArrayList<>(List.of("api_key", TestConfig.KEY, "service_code", "LAMP",
        "lat", "40.7", "long", "-74.0", "attribute[FAULT]", "DARK"));
    pairs.addAll(List.of(extra));
    return form(pairs.toArray(String[]::new));
  }

  static String contentTypeOf(String format) {
    return format.equals("json") ? JSON : XML;
  }

  static void assertNoLeak(String what, String body) {
    assertThat(body).as(what + " leaks an exception").doesNotContain("Exception").doesNotContain("at org.");
    assertThat(body.toLowerCase(Locale.ROOT)).as(what + " is HTML").doesNotContain("<html");
  }

  /**
   * Asserts that {@code a} is a GeoReport error document in {@code format} with {@code status},
   * whose descriptions together mention every one of {@code named}; returns the descriptions.
   */
  static String assertError(Answer a, int status, String format, String... named) {
    assertThat(a.status()).as(a.toString()).isEqualTo(status);
    assertThat(a.contentType()).as(a.toString()).isEqualTo(contentTypeOf(format));
    assertNoLeak(a.toString(), a.text());
    String descriptions = format.equals("json") ? jsonErrors(a.text(), status) : xmlErrors(a.body(), status);
    for (String n : named) {
      assertThat(descriptions).as("the error should name " + n).contains(n);
    }
    return descriptions;
  }

  static String jsonErrors(String text, int status) {
    JsonNode errors;
    try {
      errors = MAPPER.readTree(text);
    } catch (Exception e) {
      throw new AssertionError("not a JSON error document: " + text, e);
    }
    assertThat(errors.isArray()).as(text).isTrue();
    assertThat(errors.size()).as(text).isGreaterThan(0);
    StringBuilder all = new StringBuilder();
    for (JsonNode e : errors) {
      assertThat(e.get("code").asInt()).as(text).isEqualTo(status);
      assertThat(e.get("description").isTextual()).as(text).isTrue();
      all.append(e.get("description").asText()).append('\n');
    }
    return all.toString();
  }

  static String xmlErrors(byte[] body, int status) {
    Document doc = parseXml(body);
    Element root = doc.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("errors");
    NodeList errors = root.getElementsByTagName("error");
    assertThat(errors.getLength()).isGreaterThan(0);
    StringBuilder all = new StringBuilder();
    for (int i = 0; i < errors.getLength(); i++) {
      Element e = (Element) errors.item(i);
      assertThat(text(e, "code")).isEqualTo(Integer.toString(status));
      all.append(text(e, "description")).append('\n');
    }
    return all.toString();
  }

  static Document parseXml(byte[] body) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
    } catch (Exception e) {
      throw new AssertionError("not well-formed XML: " + new String(body, StandardCharsets.UTF_8), e);
    }
  }

  static String text(Element parent, String tag) {
    NodeList n = parent.getElementsByTagName(tag);
    assertThat(n.getLength()).as("<" + tag + "> present").isGreaterThan(0);
    return n.item(0).getTextContent();
  }

  static String id(Answer postReply) {
    assertThat(postReply.status()).as(postReply.toString()).isEqualTo(200);
    return postReply.json().get(0).get("service_request_id").asText();
  }

  /** An answer read from a raw socket: status line, headers and de-chunked body. */
  record Raw(int status, String head, String body) {
    String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return null;
    }
  }

  static Raw raw(byte[] request) {
    String all = server.http().raw(request);
    assertThat(all).as("the server answered something").startsWith("HTTP/1.1 ");
    int split = all.indexOf("\r\n\r\n");
    String head = split < 0 ? all : all.substring(0, split);
    String body = split < 0 ? "" : all.substring(split + 4);
    int status = Integer.parseInt(head.substring(9, 12));
    Raw r = new Raw(status, head, body);
    if ("chunked".equalsIgnoreCase(r.header("Transfer-Encoding"))) {
      r = new Raw(status, head, dechunk(body));
    }
    return r;
  }

  static Raw raw(String request) {
    return raw(request.getBytes(StandardCharsets.ISO_8859_1));
  }

  static String dechunk(String body) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (at < body.length()) {
      int eol = body.indexOf("\r\n", at);
      if (eol < 0) {
        break;
      }
      int size = Integer.parseInt(body.substring(at, eol).split(";")[0].trim(), 16);
      if (size == 0) {
        break;
      }
      // Sizes count bytes; the bodies here are ASCII-safe enough for a containment check.
      int from = eol + 2;
      int to = Math.min(body.length(), from + size);
      out.append(body, from, to);
      at = to + 2;
    }
    return out.toString();
  }

  static void assertRawError(Raw r, int status, String... named) {
    assertThat(r.status()).as(r.head() + "\n" + r.body()).isEqualTo(status);
    assertThat(r.header("Content-Type")).as(r.head()).isEqualTo(XML);
    assertNoLeak(r.head(), r.body());
    String descriptions = xmlErrors(r.body().getBytes(StandardCharsets.UTF_8), status);
    for (String n : named) {
      assertThat(descriptions).contains(n);
    }
  }

  // ---- api_key ---------------------------------------------------------------------------------

  @Test
  void postWithoutApiKeyIs403InXmlAndJson() {
    for (String format : new String[] {"xml", "json"}) {
      Answer a = post(format, form("service_code", "POT", "address_string", "1 Main St"));
      assertError(a, 403, format, "api_key");
    }
  }

  @Test
  void postWithAnEmptyApiKeyIs403() {
    Answer a = post("json", form("api_key", "", "service_code", "POT", "address_string", "1 Main St"));
    assertError(a, 403, "json", "api_key");
  }

  @Test
  void postWithWrongApiKeyIs403InXmlAndJson() {
    for (String format : new String[] {"xml", "json"}) {
      Answer a = post(format, form("api_key", TestConfig.KEY + "x", "service_code", "POT",
          "address_string", "1 Main St"));
      assertError(a, 403, format, "api_key");
    }
  }

  // ---- service_code and location -------------------------------------------------------------

  @Test
  void unknownServiceCodeIs404NamingIt() {
    for (String format : new String[] {"xml", "json"}) {
      Answer a = post(format, form("api_key", TestConfig.KEY, "service_code", "NO_SUCH_SERVICE",
          "address_string", "1 Main St"));
      assertError(a, 404, format, "service_code", "NO_SUCH_SERVICE");
    }
    // The error quotes the code, so it must stay a well-formed document when the code is hostile.
    String hostile = "]]><script>&amp;\"'";
    Answer x = post("xml", form("api_key", TestConfig.KEY, "service_code", hostile, "address_string", "1 Main St"));
    assertError(x, 404, "xml", "service_code", hostile);
    Answer j = post("json", form("api_key", TestConfig.KEY, "service_code", hostile, "address_string", "1 Main St"));
    assertError(j, 404, "json", "service_code", hostile);
  }

  @Test
  void missingServiceCodeIs400() {
    for (String format : new String[] {"xml", "json"}) {
      Answer a = post(format, form("api_key", TestConfig.KEY, "address_string", "1 Main St"));
      assertError(a, 400, format, "service_code");
    }
  }

  @Test
  void missingLocationIs400NamingTheLocationParameters() {
    Answer a = post("json", form("api_key", TestConfig.KEY, "service_code", "POT", "description", "hole"));
    assertError(a, 400, "json", "lat", "long", "address_string", "address_id");
  }

  @Test
  void latWithoutLongAndLongWithoutLatAre400() {
    assertError(post("json", form("api_key", TestConfig.KEY, "service_code", "POT", "lat", "40.7")),
        400, "json", "lat", "long");
    assertError(post("xml", form("api_key", TestConfig.KEY, "service_code", "POT", "long", "-74.0")),
        400, "xml", "lat", "long");
  }

  @Test
  void coordinatesOutOfRangeAre400NamingTheCoordinate() {
    assertError(post("json", form("api_key", TestConfig.KEY, "service_code", "POT", "lat", "91", "long", "0")),
        400, "json", "lat");
    assertError(post("json", form("api_key", TestConfig.KEY, "service_code", "POT", "lat", "-90.5", "long", "0")),
        400, "json", "lat");
    assertError(post("xml", form("api_key", TestConfig.KEY, "service_code", "POT", "lat", "0", "long", "-181")),
        400, "xml", "long");
    assertError(post("xml", form("api_key", TestConfig.KEY, "service_code", "POT", "lat", "0", "long", "180.01")),
        400, "xml", "long");
  }

  @Test
  void coordinatesOnTheEdgeOfTheirRangeAreAccepted() {
    Answer a = post("json", form("api_key", TestConfig.KEY, "service_code", "POT", "lat", "-90", "long", "180"));
    assertThat(a.status()).as(a.toString()).isEqualTo(200);
  }

  @Test
  void coordinatesThatAreNotNumbersAre400NamingTheCoordinate() {
    for (String bad : new String[] {"abc", "NaN", "Infinity", "-Infinity", "1e999", "40,7"}) {
      assertError(post("json", form("api_key", TestConfig.KEY, "service_code", "POT", "lat", bad, "long", "0")),
          400, "json", "lat");
      assertError(post("xml", form("api_key", TestConfig.KEY, "service_code", "POT", "lat", "0", "long", bad)),
          400, "xml", "long");
    }
  }

  @Test
  void coordinatesInJavaOnlyNumberSyntaxAre400() {
    // Double.parseDouble reads hexadecimal floats and a trailing type suffix; no client means these
    // as decimal degrees, and the number attribute (BigDecimal) already refuses them.
    for (String bad : new String[] {"0x1p4", "40.7d", "40.7f"}) {
      assertError(post("json", form("api_key", TestConfig.KEY, "service_code", "POT", "lat", bad, "long", "0")),
          400, "json", "lat");
    }
  }

  // ---- description length ----------------------------------------------------------------------

  @Test
  void descriptionOfExactly4000CharactersIsAcceptedAndStoredWhole() {
    String text = "d".repeat(4000);
    String id = id(post("json", pot("description", text)));
    assertThat(get("/requests/" + id + ".json").json().get(0).get("description").asText()).isEqualTo(text);
  }

  @Test
  void descriptionOf4001CharactersIs400NamingIt() {
    assertError(post("json", pot("description", "d".repeat(4001))), 400, "json", "description");
    assertError(post("xml", pot("description", "d".repeat(4001))), 400, "xml", "description");
  }

  @Test
  void descriptionLengthCountsCharactersNotBytes() {
    String twoByte = "\u00e9".repeat(4000);         // 8,000 bytes of UTF-8
    String fourByte = "\uD83D\uDEA6".repeat(4000);  // U+1F6A6, 16,000 bytes, 8,000 UTF-16 units
    for (String text : new String[] {twoByte, fourByte}) {
      String id = id(post("json", pot("description", text)));
      assertThat(get("/requests/" + id + ".json").json().get(0).get("description").asText()).isEqualTo(text);
    }
    assertError(post("json", pot("description", "\u00e9".repeat(4001))), 400, "json", "description");
    assertError(post("json", pot("description", "\uD83D\uDEA6".repeat(4001))), 400, "json", "description");
  }

  // ---- GET /requests parameters ----------------------------------------------------------------

  @Test
  void badDatesInGetRequestsAre400NamingTheParameter() {
    String[] bad = {"yesterday", "2024-13-01", "2024-02-30", "2024-01-01T25:00:00Z", "2024-01-01T10:00:00+25:00",
        "0000-01-01", "1700000000", "2024-01-01T10:00:00ZZ"};
    for (String name : new String[] {"start_date", "end_date"}) {
      for (String value : bad) {
        String query = "?" + form(name, value);
        assertError(get("/requests.json" + query), 400, "json", name);
        assertError(get("/requests.xml" + query), 400, "xml", name);
      }
    }
  }

  @Test
  void goodDatesInGetRequestsAreAccepted() {
    Answer a = get("/requests.json?" + form("start_date", "2024-01-01T00:00:00Z", "end_date", "2024-01-31"));
    assertThat(a.status()).as(a.toString()).isEqualTo(200);
    assertThat(a.json().isArray()).isTrue();
  }

  @Test
  void startDateAfterEndDateIs400NamingBoth() {
    Answer a = get("/requests.json?" + form("start_date", "2024-02-01T00:00:00Z", "end_date", "2024-01-01T00:00:00Z"));
    assertError(a, 400, "json", "start_date", "end_date");
    Answer x = get("/requests.xml?" + form("start_date", "2024-02-01", "end_date", "2024-01-01"));
    assertError(x, 400, "xml", "start_date", "end_date");
  }

  @Test
  void unknownStatusIs400NamingIt() {
    assertError(get("/requests.json?status=pending"), 400, "json", "status", "pending");
    assertError(get("/requests.xml?status=open,reopened"), 400, "xml", "status", "reopened");
  }

  // ---- attributes ------------------------------------------------------------------------------

  @Test
  void unknownSingleValueListKeyIs400NamingTheAttribute() {
    assertError(post("json", lamp("attribute[SIDE]", "EAST")), 400, "json", "attribute[SIDE]");
    assertError(post("xml", lamp("attribute[SIDE]", "n")), 400, "xml", "attribute[SIDE]");
  }

  @Test
  void unknownMultiValueListKeyIs400NamingTheAttribute() {
    String body = "api_key=" + TestConfig.KEY + "&service_code=LAMP&lat=1&long=2"
        + "&attribute%5BFAULT%5D%5B%5D=DARK&attribute%5BFAULT%5D%5B%5D=SMOKING";
    assertError(post("json", body), 400, "json", "attribute[FAULT]");
    assertError(post("xml", body), 400, "xml", "attribute[FAULT]");
  }

  // ---- encoding --------------------------------------------------------------------------------

  @Test
  void percentEncodedInvalidUtf8InABodyValueIs400NamingTheParameter() {
    // a lone lead byte, an encoded surrogate, an overlong '/', a byte UTF-8 never uses
    for (String bad : new String[] {"%C3%28", "%ED%A0%80", "%C0%AF", "%FF"}) {
      String body = pot() + "&description=x" + bad + "y";
      assertError(post("json", body), 400, "json", "description");
      assertError(post("xml", body), 400, "xml", "description");
    }
  }

  @Test
  void rawInvalidUtf8BytesInABodyValueAre400NamingTheParameter() {
    byte[] head = (pot() + "&description=caf").getBytes(StandardCharsets.US_ASCII);
    byte[] body = new byte[head.length + 2];
    System.arraycopy(head, 0, body, 0, head.length);
    body[head.length] = (byte) 0xC3;
    body[head.length + 1] = (byte) 0x28;
    Answer a = server.http().post(API + "/requests.json", "application/x-www-form-urlencoded", body);
    assertError(a, 400, "json", "description");
  }

  @Test
  void invalidUtf8InAMultipartValueIs400NamingTheParameter() {
    String boundary = "civic311-utf8";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (String[] part : new String[][] {{"api_key", TestConfig.KEY}, {"service_code", "POT"},
        {"address_string", "5 Ash St"}}) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part[0] + "\"\r\n\r\n"
          + part[1] + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\ncaf")
        .getBytes(StandardCharsets.US_ASCII));
    body.write(0xC3);
    body.write(0x28);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    Answer a = server.http().post(API + "/requests.json", "multipart/form-data; boundary=" + boundary,
        body.toByteArray());
    assertError(a, 400, "json", "description");
  }

  @Test
  void invalidUtf8InTheQueryStringIs400NamingTheParameter() {
    assertError(get("/requests.json?status=%C3%28"), 400, "json", "status");
    assertError(get("/requests.xml?service_code=%FF"), 400, "xml", "service_code");
    Answer a = server.http().postForm(API + "/requests.json?description=%C3%28", pot());
    assertError(a, 400, "json", "description");
  }

  @Test
  void rawInvalidUtf8BytesInTheQueryStringAre400() {
    // service_code is a free filter on GET, so only the encoding check can refuse this value:
    // a silent U+FFFD replacement would turn it into a harmless 200.
    byte[] start = ("GET " + API + "/requests.xml?service_code=caf").getBytes(StandardCharsets.US_ASCII);
    byte[] end = " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.writeBytes(start);
    request.write(0xC3);
    request.write(0x28);
    request.writeBytes(end);
    Raw r = raw(request.toByteArray());
    assertThat(r.status()).as(r.head() + "\n" + r.body()).isEqualTo(400);
    assertNoLeak(r.head(), r.body());
    if (!r.body().isEmpty()) {
      assertThat(r.header("Content-Type")).isEqualTo(XML);
      xmlErrors(r.body().getBytes(StandardCharsets.UTF_8), 400);
    }
  }

  @Test
  void rawNonAsciiInTheQueryStringIsRefusedOrKeptButNeverAltered() {
    // Unencoded octets are not legal in a request target; refusing them is fine, storing
    // something other than what was sent is not.
    for (String sent : new String[] {"\u20ac5 \u2605", "caf\u00e9", "\u4e2d\u6587"}) {
      rawQueryDescriptionIsRefusedOrKeptExactly(sent);
    }
  }

  static void rawQueryDescriptionIsRefusedOrKeptExactly(String sent) {
    String body = pot();
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.writeBytes(("POST " + API + "/requests.json?description=").getBytes(StandardCharsets.US_ASCII));
    request.writeBytes(sent.replace(' ', '+').getBytes(StandardCharsets.UTF_8));
    request.writeBytes((" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length() + "\r\n\r\n"
        + body).getBytes(StandardCharsets.US_ASCII));
    Raw r = raw(request.toByteArray());
    assertNoLeak(r.head(), r.body());
    if (r.status() == 200) {
      JsonNode reply;
      try {
        reply = MAPPER.readTree(r.body());
      } catch (Exception e) {
        throw new AssertionError(r.body(), e);
      }
      String id = reply.get(0).get("service_request_id").asText();
      assertThat(get("/requests/" + id + ".json").json().get(0).get("description").asText())
          .as("the description as stored").isEqualTo(sent);
    } else {
      assertThat(r.status()).as(sent + ": " + r.head() + "\n" + r.body()).isEqualTo(400);
      assertThat(r.header("Content-Type")).isEqualTo(JSON);
      assertThat(jsonErrors(r.body(), 400)).contains("description");
    }
  }

  @Test
  void malformedPercentEscapesInTheBodyAre400NamingTheParameter() {
    for (String bad : new String[] {"%zz", "%", "%4", "abc%", "%%41", "%g0"}) {
      String body = pot() + "&description=" + bad;
      assertError(post("json", body), 400, "json", "description");
      assertError(post("xml", body), 400, "xml", "description");
    }
  }

  @Test
  void malformedPercentEscapeInAParameterNameIs400() {
    assertError(post("json", pot() + "&desc%zzription=x"), 400, "json", "parameter name");
  }

  @Test
  void malformedPercentEscapesInTheQueryStringAre400NamingTheParameter() {
    for (String bad : new String[] {"%zz", "%", "abc%", "%4"}) {
      Raw r = raw("GET " + API + "/requests.xml?status=" + bad + " HTTP/1.1\r\nHost: localhost\r\n"
          + "Connection: close\r\n\r\n");
      assertRawError(r, 400, "status");
    }
  }

  // ---- body size -------------------------------------------------------------------------------

  @Test
  void bodyOfExactlyTheLimitIsRead() {
    String start = pot("description", "fits") + "&padding=";
    String body = start + "p".repeat(LIMIT - start.length());
    assertThat(body.length()).isEqualTo(LIMIT);
    Answer a = post("json", body);
    assertThat(a.status()).as(a.toString()).isEqualTo(200);
  }

  @Test
  void chunkedBodyUnderTheLimitIsRead() {
    String body = pot("description", "sent in chunks");
    int half = body.length() / 2;
    String request = "POST " + API + "/requests.json HTTP/1.1\r\nHost: localhost\r\n"
        + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n"
        + "Connection: close\r\n\r\n"
        + Integer.toHexString(half) + "\r\n" + body.substring(0, half) + "\r\n"
        + Integer.toHexString(body.length() - half) + "\r\n" + body.substring(half) + "\r\n0\r\n\r\n";
    Raw r = raw(request);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).contains("service_request_id");
  }

  static String overLimitBody(int size) {
    String start = pot() + "&padding=";
    String body = start + "p".repeat(size - start.length());
    assertThat(body.length()).isEqualTo(size);
    return body;
  }

  @Test
  void bodyOverTheLimitWithContentLengthIs413() {
    for (String format : new String[] {"json", "xml"}) {
      for (int size : new int[] {LIMIT + 1, LIMIT + LIMIT / 2}) {
        String body = overLimitBody(size);
        Raw r = raw("POST " + API + "/requests." + format + " HTTP/1.1\r\nHost: localhost\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + size + "\r\n"
            + "Connection: close\r\n\r\n" + body);
        assertThat(r.status()).as(format + " " + size + ": " + r.head()).isEqualTo(413);
        assertThat(r.header("Content-Type")).isEqualTo(contentTypeOf(format));
        assertNoLeak(r.head(), r.body());
        String descriptions = format.equals("json") ? jsonErrors(r.body(), 413)
            : xmlErrors(r.body().getBytes(StandardCharsets.UTF_8), 413);
        assertThat(descriptions).contains(Integer.toString(LIMIT));
      }
    }
  }

  @Test
  void everyOverLimitPostGetsIts413InsteadOfADroppedConnection() {
    // An ordinary client writes the whole body before it reads the answer. If the server answers
    // without taking the declared body off the wire and then closes, the client can see a reset
    // instead of the 413; one attempt rarely shows it, forty nearly always do.
    String body = overLimitBody(LIMIT + 1);
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      try {
        Answer a = post("json", body);
        if (a.status() != 413) {
          failures.add("attempt " + i + ": " + a.status());
        }
      } catch (RuntimeException e) {
        failures.add("attempt " + i + ": " + e.getMessage());
      }
    }
    assertThat(failures).as("over-limit posts that did not get a 413").isEmpty();
  }

  @Test
  void chunkedBodyOverTheLimitIs413() {
    StringBuilder request = new StringBuilder("POST " + API + "/requests.xml HTTP/1.1\r\nHost: localhost\r\n"
        + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n"
        + "Connection: close\r\n\r\n");
    String first = pot() + "&padding=";
    request.append(Integer.toHexString(first.length())).append("\r\n").append(first).append("\r\n");
    int sent = first.length();
    String chunk = "p".repeat(4096);
    while (sent <= LIMIT + 4096) {
      request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
      sent += chunk.length();
    }
    request.append("0\r\n\r\n");
    assertRawError(raw(request.toString()), 413, Integer.toString(LIMIT));
  }

  // ---- content types ---------------------------------------------------------------------------

  @Test
  void unsupportedContentTypesOnPostAre415() {
    byte[] jsonBody = ("{\"api_key\":\"" + TestConfig.KEY + "\",\"service_code\":\"POT\",\"address_string\":\"x\"}")
        .getBytes(StandardCharsets.UTF_8);
    assertError(server.http().post(API + "/requests.json", "application/json", jsonBody),
        415, "json", "application/json");
    assertError(server.http().post(API + "/requests.xml", "text/plain; charset=utf-8",
        pot().getBytes(StandardCharsets.UTF_8)), 415, "xml", "text/plain");
    assertError(server.http().post(API + "/requests.json", null, pot().getBytes(StandardCharsets.UTF_8)),
        415, "json", "Content-Type");
  }

  @Test
  void multipartWithoutBoundaryIs400() {
    String body = "--b\r\nContent-Disposition: form-data; name=\"service_code\"\r\n\r\nPOT\r\n--b--\r\n";
    for (String type : new String[] {"multipart/form-data", "multipart/form-data; boundary=",
        "multipart/form-data; charset=utf-8"}) {
      Answer a = server.http().post(API + "/requests.json", type, body.getBytes(StandardCharsets.UTF_8));
      assertError(a, 400, "json", "boundary");
    }
  }

  @Test
  void malformedMultipartIs400() {
    String boundary = "civic311-bad";
    String truncated = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"api_key\"\r\n\r\n"
        + TestConfig.KEY + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"service_code\"\r\n\r\nPO";
    String garbage = "this is not multipart at all, there is no delimiter line in it";
    String noHeaders = "--" + boundary + "\r\nno header separator here\r\n--" + boundary + "--\r\n";
    for (String body : new String[] {truncated, garbage, noHeaders}) {
      Answer a = server.http().post(API + "/requests.json", "multipart/form-data; boundary=" + boundary,
          body.getBytes(StandardCharsets.UTF_8));
      assertError(a, 400, "json", "multipart");
    }
  }

  // ---- methods ---------------------------------------------------------------------------------

  @Test
  void putDeleteAndPatchOnRequestsAre405WithAllow() {
    for (String method : new String[] {"PUT", "DELETE", "PATCH"}) {
      Answer a = server.http().method(method, API + "/requests.json");
      assertError(a, 405, "json", method);
      String allow = a.headers().firstValue("Allow").orElse("");
      assertThat(allow).as(method).contains("GET").contains("POST").doesNotContain(method);
    }
  }

  @Test
  void postOnServicesIs405WithAllow() {
    Answer a = server.http().postForm(API + "/services.json", form("api_key", TestConfig.KEY));
    assertError(a, 405, "json", "POST");
    assertThat(a.headers().firstValue("Allow")).hasValue("GET, HEAD");
  }

  // ---- paths -----------------------------------------------------------------------------------

  @Test
  void unknownJsonResourceIs404AsJson() {
    assertError(get("/nothing.json"), 404, "json", "nothing");
  }

  @Test
  void unknownFormatExtensionIs404AsXml() {
    assertError(get("/services.html"), 404, "xml", "services.html");
  }

  @Test
  void pathWithoutFormatIs404AsXml() {
    assertError(get("/services"), 404, "xml", "services");
  }

  @Test
  void pathOutsideTheApiIsTheResidentsPages404() {
    for (String path : new String[] {"/elsewhere", "/elsewhere/services.json"}) {
      Answer a = server.http().send(java.net.http.HttpRequest.newBuilder(server.http().uri(path)).GET());
      assertThat(a.status()).as(path).isEqualTo(404);
      assertThat(a.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
      assertThat(a.text()).as(path).contains("does not exist").doesNotContain("Exception");
    }
  }

  @Test
  void malformedRequestLinesAre4xxWithoutHtml() {
    for (String line : new String[] {"THIS IS NOT HTTP\r\n\r\n", "GET\r\n\r\n",
        "GET /open311/v2/services.xml HTTP/1.1 extra\r\nHost: x\r\n\r\n",
        "GET /open311/v2/services.xml HTTP/1.1\r\nHost x\r\n\r\n"}) {
      Raw r = raw(line);
      assertThat(r.status()).as(line).isBetween(400, 499);
      assertNoLeak(line, r.body());
      if (!r.body().isEmpty()) {
        assertThat(r.header("Content-Type")).as(line).isIn(XML, JSON);
      }
    }
  }

  @Test
  void hugeHeaderIs4xxWithoutHtml() {
    Raw r = raw("GET " + API + "/services.json HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "h".repeat(64 * 1024)
        + "\r\nConnection: close\r\n\r\n");
    assertThat(r.status()).as(r.head()).isBetween(400, 499);
    assertNoLeak(r.head(), r.body());
    if (!r.body().isEmpty()) {
      assertThat(r.header("Content-Type")).isIn(XML, JSON);
    }
  }

  // ---- duplicates ------------------------------------------------------------------------------

  @Test
  void serviceCodeGivenTwiceWithDifferentValuesIs400NamingIt() {
    String body = form("api_key", TestConfig.KEY, "service_code", "POT", "address_string", "x",
        "service_code", "LAMP");
    assertError(post("json", body), 400, "json", "service_code");
    Answer a = server.http().postForm(API + "/requests.xml?service_code=LAMP", pot());
    assertError(a, 400, "xml", "service_code");
  }

  @Test
  void serviceCodeGivenTwiceWithTheSameValueIsAccepted() {
    Answer a = post("json", pot("service_code", "POT"));
    id(a);
  }

  @Test
  void jurisdictionIdOrApiKeyInQueryAndBodyWithTheSameValueIsAccepted() {
    Answer j = server.http().postForm(API + "/requests.json?jurisdiction_id=" + TestConfig.CITY,
        pot("jurisdiction_id", TestConfig.CITY));
    id(j);
    Answer k = server.http().postForm(API + "/requests.json?api_key=" + TestConfig.KEY, pot());
    id(k);
  }

  // ---- hostile text ----------------------------------------------------------------------------

  static final String[] NASTY = {
      "'; DROP TABLE service_requests; --",
      "Robert'); DELETE FROM service_requests WHERE ('1'='1",
      "<script>alert(\"x\")</script>",
      "&amp; < > \" '",
      "]]>",
      "<![CDATA[x]]> <!-- c --> <?pi x?>",
      "emoji \uD83D\uDEA6\uD83D\uDE00 clef \uD834\uDD1E",
      "line one\r\nline two\r\n",
      "back\\slash \"quoted\" \ttab",
      "%41 + plus & amp = eq"};

  /** Posts each nasty value into every text field of a LAMP request; returns the ids in order. */
  static List<String> postNasty() {
    List<String> ids = new ArrayList<>();
    for (String v : NASTY) {
      ids.add(id(post("json", lamp("description", v, "address_string", v, "address_id", v,
          "attribute[POLE]", v, "attribute[NOTE]", v))));
    }
    return ids;
  }

  @Test
  void sqlAndMarkupInEveryTextFieldAreStoredAndReturnedVerbatimInJson() throws Exception {
    List<String> ids = postNasty();
    for (int i = 0; i < NASTY.length; i++) {
      Answer a = get("/requests/" + ids.get(i) + ".json");
      assertThat(a.status()).isEqualTo(200);
      JsonNode r = a.json().get(0);
      assertThat(r.get("description").asText()).isEqualTo(NASTY[i]);
      assertThat(r.get("address").asText()).isEqualTo(NASTY[i]);
      assertThat(r.get("address_id").asText()).isEqualTo(NASTY[i]);
    }
    // Attributes are not part of public output, so read what was stored.
    try (Connection c = server.connect();
        PreparedStatement s = c.prepareStatement("SELECT attributes FROM service_requests WHERE id = ?")) {
      for (int i = 0; i < NASTY.length; i++) {
        s.setLong(1, Long.parseLong(ids.get(i)));
        try (ResultSet rs = s.executeQuery()) {
          assertThat(rs.next()).isTrue();
          JsonNode stored = MAPPER.readTree(rs.getString(1));
          assertThat(stored.get("POLE").get(0).asText()).isEqualTo(NASTY[i]);
          assertThat(stored.get("NOTE").get(0).asText()).isEqualTo(NASTY[i]);
          assertThat(stored.get("FAULT").get(0).asText()).isEqualTo("DARK");
        }
      }
    }
    assertTheTableStillWorks(ids);
  }

  @Test
  void sqlAndMarkupAreEscapedInXml() {
    List<String> ids = postNasty();
    for (int i = 0; i < NASTY.length; i++) {
      Answer a = get("/requests/" + ids.get(i) + ".xml");
      assertThat(a.status()).isEqualTo(200);
      assertThat(a.contentType()).isEqualTo(XML);
      assertThat(a.text()).doesNotContain("<script>").doesNotContain("<![CDATA[");
      Element request = (Element) parseXml(a.body()).getDocumentElement().getElementsByTagName("request").item(0);
      assertThat(text(request, "description")).isEqualTo(NASTY[i]);
      assertThat(text(request, "address")).isEqualTo(NASTY[i]);
      assertThat(text(request, "address_id")).isEqualTo(NASTY[i]);
    }
    Answer list = get("/requests.xml?service_request_id=" + String.join(",", ids));
    NodeList requests = parseXml(list.body()).getDocumentElement().getElementsByTagName("request");
    assertThat(requests.getLength()).isEqualTo(NASTY.length);
    List<String> descriptions = new ArrayList<>();
    for (int i = 0; i < requests.getLength(); i++) {
      descriptions.add(text((Element) requests.item(i), "description"));
    }
    assertThat(descriptions).containsExactlyInAnyOrder(NASTY);
    assertTheTableStillWorks(ids);
  }

  static void assertTheTableStillWorks(List<String> ids) {
    Answer list = get("/requests.json?service_request_id=" + String.join(",", ids));
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json()).hasSize(ids.size());
    String fresh = id(post("json", pot("description", "after the storm")));
    assertThat(get("/requests/" + fresh + ".json").json().get(0).get("description").asText())
        .isEqualTo("after the storm");
    try (Connection c = server.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM service_requests")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isGreaterThanOrEqualTo(ids.size() + 1L);
    } catch (java.sql.SQLException e) {
      throw new AssertionError("service_requests is no longer readable", e);
    }
  }

  /** The characters XML 1.0 cannot carry, plus DEL, as clients have sent them by accident. */
  static final String[] STRAY = {"\u0000", "\u0001", "\u0007", "\u0008", "\u000b", "\u001b", "\u007f", "\uFFFF"};

  @Test
  void strayControlCharactersInFreeTextAreDroppedAndTheReportAccepted() throws Exception {
    for (String c : STRAY) {
      String label = "U+" + Integer.toHexString(c.charAt(0));
      Answer a = post("json", lamp("description", "line" + c + " one\r\n\tline two",
          "address_string", "1 Ma" + c + "in St", "first_name", "An" + c + "na", "last_name", c + "Lee",
          "attribute[NOTE]", "no" + c + "te"));
      assertThat(a.status()).as(label + ": " + a.text()).isEqualTo(200);
      String id = id(a);
      JsonNode r = get("/requests/" + id + ".json?extensions=true").json().get(0);
      assertThat(r.get("description").asText()).as(label).isEqualTo("line one\r\n\tline two");
      assertThat(r.get("address").asText()).as(label).isEqualTo("1 Main St");
      assertThat(r.get("extended_attributes").get("attributes").toString()).as(label)
          .contains("\"code\":\"NOTE\",\"value\":\"note\"");
      try (Connection conn = server.connect();
          PreparedStatement q = conn.prepareStatement(
              "SELECT description, first_name, last_name FROM service_requests WHERE id = ?")) {
        q.setLong(1, Long.parseLong(id));
        try (ResultSet rs = q.executeQuery()) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString(1)).as(label).isEqualTo("line one\r\n\tline two");
          assertThat(rs.getString(2) + " " + rs.getString(3)).as(label).isEqualTo("Anna Lee");
        }
      }
    }
  }

  @Test
  void aStrayControlCharacterInAnUpdateDescriptionIsDropped() {
    String id = id(post("json", pot()));
    Answer a = server.http().postForm(API + "/servicerequestupdates.json", form("api_key", TestConfig.KEY,
        "service_request_id", id, "update_id", "stray-" + id, "status", "IN_PROGRESS",
        "updated_datetime", "2026-03-01T10:00:00Z", "description", "Crew\u0007 sent\u0000"));
    assertThat(a.status()).as(a.text()).isEqualTo(200);
    assertThat(get("/requests/" + id + ".json").json().get(0).get("status_notes").asText()).isEqualTo("Crew sent");
  }

  @Test
  void controlCharactersInIdentifiersAre400NamingTheField() {
    for (String c : STRAY) {
      String label = "U+" + Integer.toHexString(c.charAt(0));
      assertThat(assertError(post("xml", pot("address_id", "A" + c)), 400, "xml", "address_id")).as(label)
          .contains("control character");
      assertError(post("json", pot("device_id", "D" + c)), 400, "json", "device_id");
    }
  }
}
