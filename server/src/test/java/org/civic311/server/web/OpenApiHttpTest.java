package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.civic311.server.app.Application;
import org.civic311.server.config.Configuration;
import org.civic311.server.config.ConfigurationLoader;
import org.civic311.server.config.MailSettings;
import org.civic311.server.config.MediaSettings;
import org.civic311.server.media.SamplePhotos;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.Http;
import org.civic311.server.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The OpenAPI document at {@code /open311/v2/openapi.json} against the server it describes: a
 * server with the bundled demo's catalogue (the document's examples use its codes and key), on a
 * fresh database of the store under test. The document must be valid OpenAPI 3.1; every
 * documented operation must answer (both formats, its examples, each query parameter's example)
 * with a documented status, content type, required headers and, for JSON, a body its schema
 * accepts (XML: the documented element names); and every route of the table that programs call
 * must be in the document, so that neither can change without the other.
 */
class OpenApiHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DOCUMENT_URI = "https://civic311.test/openapi.json";
  private static final String DOCUMENT = Http.API + "/openapi.json";
  /** Query parameters that mean something only together. */
  private static final Set<String> TOGETHER = Set.of("lat", "long", "radius");
  /** Families whose routes are pages for people, not documented in the API's description. */
  private static final Set<String> PAGE_FAMILIES = Set.of("CitizenFamily", "StaffFamily", "DocsFamily",
      // Health probes and metrics are for the operator's tools, documented in docs/OPERATIONS.md.
      "OperationsFamily");
  /** Routes of the programs' families that are files of the site, not of the API. */
  private static final Set<String> SITE_FILES = Set.of("/favicon.ico", "/robots.txt");

  private static TestDatabase database;
  private static Application app;
  private static Http http;
  private static JsonNode doc;
  private static SchemaRegistry schemas;
  /** A value for each path placeholder, by path template and placeholder name. */
  private static final Map<String, String> placeholders = new LinkedHashMap<>();
  /** What the documented POST examples answered, by a label naming the call. */
  private static final Map<String, Call> posted = new LinkedHashMap<>();

  private record Call(String method, String template, String path, Answer answer) {}

  @BeforeAll
  static void startTheDemoAndPostTheDocumentsExamples() throws Exception {
    database = TestDatabase.fresh();
    Configuration demo = ConfigurationLoader.demo().withDatabase(database.settings()).withPort(0)
        .withMedia(new MediaSettings(Files.createTempDirectory("civic311-media").toString(), null, null))
        .withMail(new MailSettings(null, Files.createTempDirectory("civic311-outbox").toString(), null, null, null,
            null, null, 1, null));
    app = Application.start(ConfigurationLoader.validate(demo, "the demo"), "127.0.0.1");
    http = new Http(app.port());
    Answer a = http.get(DOCUMENT);
    assertThat(a.status()).as(a.text()).isEqualTo(200);
    doc = a.json();
    schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
        b -> b.schemas(Map.of(DOCUMENT_URI, a.text())));

    String requestId = null;
    String token = null;
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.get("paths").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      JsonNode post = path.getValue().get("post");
      if (post == null) {
        continue;
      }
      JsonNode examples = post.at("/requestBody/content/application~1x-www-form-urlencoded/examples");
      assertThat(examples.size()).as("examples of POST %s", path.getKey()).isPositive();
      for (Iterator<Map.Entry<String, JsonNode>> ex = examples.fields(); ex.hasNext(); ) {
        Map.Entry<String, JsonNode> example = ex.next();
        for (String format : List.of("json", "xml")) {
          Map<String, JsonNode> fields = new LinkedHashMap<>();
          example.getValue().get("value").fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue()));
          if (fields.containsKey("update_id")) {
            fields.put("service_request_id", JSON.getNodeFactory().textNode(requestId));
            fields.put("update_id", JSON.getNodeFactory().textNode(fields.get("update_id").asText() + "-" + format));
          }
          String target = path.getKey().replace("{format}", format);
          Answer answer = http.postForm(target, form(fields));
          posted.put("POST " + target + " (" + example.getKey() + ")", new Call("post", path.getKey(), target, answer));
          if (format.equals("json") && answer.status() == 200) {
            JsonNode receipt = answer.json().get(0);
            if (receipt.has("token")) {
              token = receipt.get("token").asText();
            } else if (receipt.has("service_request_id") && requestId == null) {
              requestId = receipt.get("service_request_id").asText();
            }
          }
        }
      }
    }
    assertThat(requestId).as("a documented example makes a request").isNotNull();
    assertThat(token).as("a documented example makes a batch request's token").isNotNull();

    Answer withPhoto = http.post(Http.API + "/requests.json", "multipart/form-data; boundary=" + BOUNDARY,
        multipart(Map.of("api_key", "demo-key", "service_code", "S0301", "lat", "38.9", "long", "-77.03",
            "attribute[WHISPOLO]", "STREE001"), "media", SamplePhotos.jpeg(40, 30)));
    posted.put("POST requests.json (multipart with a photo)",
        new Call("post", Http.API + "/requests.{format}", Http.API + "/requests.json", withPhoto));
    assertThat(withPhoto.status()).as(withPhoto.text()).isEqualTo(200);
    String photoRequest = withPhoto.json().get(0).get("service_request_id").asText();
    String mediaUrl = http.get(Http.API + "/requests/" + photoRequest + ".json").json().get(0).get("media_url")
        .asText();

    placeholders.put(Http.API + "/services/{code}.{format}|code", "S0301");
    placeholders.put(Http.API + "/requests/{id}.{format}|id", requestId);
    placeholders.put(Http.API + "/tokens/{id}.{format}|id", token);
    placeholders.put("/feeds/requests/{file}|file", requestId + ".atom");
    placeholders.put("/media/{name}|name", mediaUrl.substring(mediaUrl.lastIndexOf('/') + 1));
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (app != null) {
        app.close();
      }
    } finally {
      database.close();
    }
  }

  @Test
  void theDocumentIsValidOpenApi31NamingThisServer() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setValidateInternalRefs(true);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(doc.toString(), null, options);
    assertThat(parsed.getMessages()).as("what the OpenAPI parser found wrong").isEmpty();
    assertThat(parsed.getOpenAPI().getSpecVersion().name()).isEqualTo("V31");
    assertThat(doc.get("openapi").asText()).startsWith("3.1.");
    assertThat(doc.at("/servers/0/url").asText()).isEqualTo("http://127.0.0.1:" + app.port());
    assertThat(doc.at("/components/securitySchemes/api_key/in").asText()).isEqualTo("query");
    // Every schema is one the validator can compile.
    doc.at("/components/schemas").fieldNames().forEachRemaining(name -> schema(name));
  }

  @Test
  void theDocumentIsServedAsJsonWithTheApisCorsAndValidators() {
    Answer a = http.send(java.net.http.HttpRequest.newBuilder(http.uri(DOCUMENT)).header("Origin",
        "https://app.example.net"));
    assertThat(a.contentType()).isEqualTo("application/json; charset=utf-8");
    assertThat(a.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    String etag = a.headers().firstValue("ETag").orElseThrow();
    Answer again = http.send(java.net.http.HttpRequest.newBuilder(http.uri(DOCUMENT)).header("If-None-Match", etag));
    assertThat(again.status()).isEqualTo(304);
  }

  @Test
  void everyDocumentedReadAnswersAsDocumentedInBothFormats() throws Exception {
    int checked = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.get("paths").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      JsonNode get = path.getValue().get("get");
      if (get == null) {
        continue;
      }
      for (String target : targets(path.getKey())) {
        check("get", path.getKey(), target, read(target));
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(25);
  }

  @Test
  void theDocumentsPostExamplesAreAcceptedAndAnsweredAsDocumented() throws Exception {
    assertThat(posted).hasSizeGreaterThanOrEqualTo(7);
    for (Map.Entry<String, Call> p : posted.entrySet()) {
      Call c = p.getValue();
      assertThat(c.answer().status()).as(p.getKey() + ": " + c.answer().text()).isEqualTo(200);
      check(c.method(), c.template(), c.path(), c.answer());
    }
  }

  @Test
  void everyDocumentedQueryParameterIsTakenWithItsExample() throws Exception {
    int checked = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.get("paths").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      JsonNode get = path.getValue().get("get");
      if (get == null) {
        continue;
      }
      Map<String, String> examples = new LinkedHashMap<>();
      for (JsonNode p : get.path("parameters")) {
        JsonNode parameter = resolve(p);
        if (parameter.get("in").asText().equals("query") && parameter.has("example")) {
          examples.put(parameter.get("name").asText(), parameter.get("example").asText());
        }
      }
      for (String target : targets(path.getKey())) {
        checked += withExamples(path.getKey(), target, examples);
      }
    }
    assertThat(checked).isGreaterThan(100);
  }

  /** Calls {@code target} with each example alone (those meant together, together), then all at once. */
  private static int withExamples(String template, String target, Map<String, String> examples) throws Exception {
    List<String> queries = new ArrayList<>();
    for (Map.Entry<String, String> e : examples.entrySet()) {
      queries.add(TOGETHER.contains(e.getKey())
          ? "lat=" + examples.get("lat") + "&long=" + examples.get("long") + "&radius=" + examples.get("radius")
          : e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    }
    if (examples.size() > 1) {
      StringBuilder all = new StringBuilder();
      examples.forEach((name, value) -> {
        if (!name.equals("service_request_id")) {
          all.append(all.length() == 0 ? "" : "&").append(name).append('=')
              .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
      });
      queries.add(all.toString());
    }
    for (String query : queries) {
      Answer a = read(target + "?" + query);
      assertThat(a.status()).as("GET %s?%s: %s", target, query, a.text()).isEqualTo(200);
      check("get", template, target + "?" + query, a);
    }
    return queries.size();
  }

  @Test
  void errorsAreTheDocumentedErrorDocuments() throws Exception {
    record Bad(String method, String path, String body, int status) {}
    List<Bad> bad = List.of(
        new Bad("GET", Http.API + "/requests/999999.json", null, 404),
        new Bad("GET", Http.API + "/requests/999999.xml", null, 404),
        new Bad("GET", Http.API + "/requests.json?page=0", null, 400),
        new Bad("GET", Http.API + "/requests.xml?bbox=1,2", null, 400),
        new Bad("GET", Http.API + "/services/NO-SUCH.json", null, 404),
        new Bad("GET", Http.API + "/tokens/no-such-token.json", null, 404),
        new Bad("GET", Http.API + "/servicerequestupdates.json?page_size=0", null, 400),
        new Bad("POST", Http.API + "/requests.json", "service_code=S0301&lat=38.9&long=-77.0", 403),
        new Bad("POST", Http.API + "/requests.xml", "api_key=demo-key&lat=38.9&long=-77.0", 400),
        new Bad("POST", Http.API + "/servicerequestupdates.json",
            "api_key=demo-key&service_request_id=999999&update_id=X-1&status=OPEN&updated_datetime=2026-01-01", 404),
        new Bad("GET", "/data/requests.csv?status=bogus", null, 400),
        new Bad("GET", "/data/updates.ndjson?jurisdiction_id=nowhere.example", null, 404),
        new Bad("GET", "/data/datapackage.json?jurisdiction_id=nowhere.example", null, 404),
        new Bad("GET", "/feeds/requests.atom?radius=5", null, 400),
        new Bad("GET", "/feeds/requests/999999.rss", null, 404),
        new Bad("GET", Http.API + "/events?status=bogus", null, 400),
        new Bad("GET", Http.API + "/events?last_event_id=x", null, 400),
        new Bad("GET", Http.API + "/events?jurisdiction_id=nowhere.example", null, 404));
    for (Bad b : bad) {
      Answer a = b.method().equals("GET") ? http.get(b.path()) : http.postForm(b.path(), b.body());
      assertThat(a.status()).as("%s %s: %s", b.method(), b.path(), a.text()).isEqualTo(b.status());
      check(b.method().toLowerCase(), template(b.method().toLowerCase(), b.path()), b.path(), a);
    }
    String posts = Http.API + "/requests.{format}";
    Answer notAForm = http.post(Http.API + "/requests.json", "text/plain", "api_key=demo-key".getBytes());
    assertThat(notAForm.status()).as(notAForm.text()).isEqualTo(415);
    check("post", posts, Http.API + "/requests.json", notAForm);
    Answer tooLarge = http.postForm(Http.API + "/requests.xml", "description=" + "x".repeat(1_100_000));
    assertThat(tooLarge.status()).as(tooLarge.text()).isEqualTo(413);
    check("post", posts, Http.API + "/requests.xml", tooLarge);
  }

  @Test
  void everyRouteProgramsCallIsDocumentedWithItsMethods() {
    Set<String> documented = new LinkedHashSet<>();
    doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
        .forEachRemaining(m -> documented.add(m.toUpperCase() + " " + p.getKey())));
    Set<String> routes = new LinkedHashSet<>();
    List<String> unclassified = new ArrayList<>();
    for (org.civic311.server.web.Routes.Listing l : app.routes()) {
      String family = l.family().getClass().getSimpleName();
      if (PAGE_FAMILIES.contains(family) || SITE_FILES.contains(l.pattern())) {
        continue;
      }
      if (!Set.of("ApiFamily", "DocumentFamily", "FilesFamily").contains(family)) {
        unclassified.add(l.method() + " " + l.pattern() + " (" + family + ")");
        continue;
      }
      routes.add(l.method() + " " + l.pattern());
    }
    assertThat(unclassified).as("routes of a family this test does not know: document them in"
        + " apidocs/openapi.yaml and name the family here, or name it among the page families").isEmpty();
    assertThat(routes).as("routes missing from the OpenAPI document").isSubsetOf(documented);
    assertThat(documented).as("documented operations the route table does not have").isSubsetOf(routes);
    assertThat(routes).contains("GET " + Http.API + "/requests.{format}", "POST " + Http.API + "/requests.{format}",
        "GET /data/requests.csv", "GET /feeds/requests/{file}", "GET " + DOCUMENT);
  }

  // ---------------------------------------------------------------------------------------------

  /** The paths to call for a path template: each format, and each placeholder's value. */
  private static List<String> targets(String template) {
    String t = template;
    for (Map.Entry<String, String> p : placeholders.entrySet()) {
      String[] key = p.getKey().split("\\|");
      if (key[0].equals(template)) {
        t = t.replace("{" + key[1] + "}", URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
      }
    }
    assertThat(t.replace("{format}", "")).as("a value for every placeholder of " + template).doesNotContain("{");
    return t.contains("{format}") ? List.of(t.replace("{format}", "json"), t.replace("{format}", "xml")) : List.of(t);
  }

  /** The documented path template a concrete path answers to. */
  private static String template(String method, String path) {
    String bare = path.split("\\?", 2)[0];
    for (Iterator<String> it = doc.get("paths").fieldNames(); it.hasNext(); ) {
      String t = it.next();
      String regex = Pattern.quote(t).replace("{format}", "\\E(xml|json)\\Q").replaceAll("\\{[a-z_]+\\}",
          "\\\\E[^/]+\\\\Q");
      if (bare.matches(regex) && doc.get("paths").get(t).has(method)) {
        return t;
      }
    }
    throw new AssertionError("no documented " + method + " operation for " + path);
  }

  /** Checks one answer against the operation's documented response for its status. */
  /**
   * A GET; an event stream, which never ends, is opened, read up to its first blank line (the
   * comment that opens it) and closed.
   */
  private static Answer read(String target) throws Exception {
    if (!target.split("\\?")[0].endsWith("/events")) {
      return http.get(target);
    }
    var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(http.uri(target)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofInputStream());
    try (java.io.InputStream in = r.body()) {
      if (r.statusCode() != 200) {
        return new Answer(r.statusCode(), r.headers(), in.readAllBytes());
      }
      java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
      for (int b; (b = in.read()) >= 0; ) {
        head.write(b);
        if (head.toString(StandardCharsets.UTF_8).endsWith("\n\n")) {
          break;
        }
      }
      return new Answer(r.statusCode(), r.headers(), head.toByteArray());
    }
  }

  private static void check(String method, String template, String path, Answer a) throws Exception {
    String call = method.toUpperCase() + " " + path;
    JsonNode response = doc.get("paths").get(template).get(method).get("responses").get(Integer.toString(a.status()));
    assertThat(response).as("%s answered %d, which is not documented: %s", call, a.status(), a.text()).isNotNull();
    response = resolve(response);
    for (Iterator<Map.Entry<String, JsonNode>> it = response.path("headers").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> h = it.next();
      if (resolve(h.getValue()).path("required").asBoolean(false)) {
        assertThat(a.headers().firstValue(h.getKey())).as("%s: header %s", call, h.getKey()).isPresent();
      }
    }
    JsonNode content = response.get("content");
    if (content == null) {
      assertThat(a.body()).as(call + " has a body its documentation does not describe").isEmpty();
      return;
    }
    String type = a.contentType().split(";")[0].trim();
    assertThat(content.has(type)).as("%s answered %s; documented: %s", call, type, content.fieldNames()).isTrue();
    JsonNode schemaNode = content.get(type).get("schema");
    if (!schemaNode.has("$ref")) {
      assertThat(schemaNode.path("type").asText()).as(call + ": an inline schema only for text and files")
          .isEqualTo("string");
      return;
    }
    String name = schemaNode.get("$ref").asText().replace("#/components/schemas/", "");
    switch (type) {
      case "application/json", "application/geo+json" -> valid(call, name, a.json());
      case "application/x-ndjson" -> {
        String[] lines = a.text().split("\n");
        assertThat(a.text()).as(call + " has lines to check").isNotBlank();
        for (String line : lines) {
          valid(call, name, JSON.readTree(line));
        }
      }
      case "text/xml" -> validXml(call, name, a.body());
      default -> throw new AssertionError(call + ": no check for " + type);
    }
  }

  private static void valid(String call, String schemaName, JsonNode body) {
    List<Error> errors = schema(schemaName).validate(body);
    assertThat(errors).as("%s against %s: %s", call, schemaName, body).isEmpty();
  }

  /**
   * An XML answer read as its schema describes it (elements named by the schema's {@code xml}
   * names, text typed by the schema, an empty element null where null is allowed) and then
   * validated like JSON, so the XML is checked as closely as the JSON.
   */
  private static void validXml(String call, String schemaName, byte[] body) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Element root = f.newDocumentBuilder().parse(new ByteArrayInputStream(body)).getDocumentElement();
    JsonNode schema = doc.at("/components/schemas/" + schemaName);
    assertThat(root.getTagName()).as(call + ": root element").isEqualTo(schema.at("/xml/name").asText());
    List<String> misnamed = new ArrayList<>();
    JsonNode read = fromXml(root, schema, root.getTagName(), misnamed);
    assertThat(misnamed).as(call + ": elements named otherwise than documented").isEmpty();
    valid(call + " (its XML read by the schema)", schemaName, read);
  }

  private static JsonNode fromXml(Element e, JsonNode schemaNode, String where, List<String> misnamed) {
    JsonNode schema = resolve(schemaNode);
    Set<String> types = new LinkedHashSet<>();
    if (schema.path("type").isArray()) {
      schema.get("type").forEach(t -> types.add(t.asText()));
    } else {
      types.add(schema.path("type").asText());
    }
    List<Element> children = new ArrayList<>();
    for (org.w3c.dom.Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element child) {
        children.add(child);
      }
    }
    var nodes = JSON.getNodeFactory();
    if (types.contains("array")) {
      JsonNode items = resolve(schema.get("items"));
      String item = items.at("/xml/name").asText();
      var array = nodes.arrayNode();
      for (Element child : children) {
        if (!child.getTagName().equals(item)) {
          misnamed.add(where + " holds <" + child.getTagName() + ">, documented <" + item + ">");
        }
        array.add(fromXml(child, items, where + "/" + child.getTagName(), misnamed));
      }
      return array;
    }
    if (types.contains("object")) {
      var object = nodes.objectNode();
      for (Element child : children) {
        JsonNode property = schema.path("properties").get(child.getTagName());
        object.set(child.getTagName(), property == null ? nodes.textNode(child.getTextContent())
            : fromXml(child, property, where + "/" + child.getTagName(), misnamed));
      }
      return object;
    }
    String text = e.getTextContent();
    if (text.isEmpty() && types.contains("null")) {
      return nodes.nullNode();
    }
    if (types.contains("boolean") && (text.equals("true") || text.equals("false"))) {
      return nodes.booleanNode(text.equals("true"));
    }
    if ((types.contains("integer") || types.contains("number")) && text.matches("-?[0-9]+(\\.[0-9]+)?")) {
      return nodes.numberNode(new java.math.BigDecimal(text));
    }
    return nodes.textNode(text);
  }

  private static Schema schema(String name) {
    return schemas.getSchema(SchemaLocation.of(DOCUMENT_URI + "#/components/schemas/" + name));
  }

  /** A node, or what its {@code $ref} (within the document) points to. */
  private static JsonNode resolve(JsonNode node) {
    while (node.has("$ref")) {
      node = doc.at(node.get("$ref").asText().substring(1));
    }
    return node;
  }

  private static String form(Map<String, JsonNode> fields) {
    StringBuilder sb = new StringBuilder();
    fields.forEach((name, value) -> {
      List<String> values = new ArrayList<>();
      if (value.isArray()) {
        value.forEach(v -> values.add(v.asText()));
      } else {
        values.add(value.asText());
      }
      for (String v : values) {
        sb.append(sb.length() == 0 ? "" : "&").append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
            .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
      }
    });
    return sb.toString();
  }

  private static final String BOUNDARY = "----civic311openapi";

  private static byte[] multipart(Map<String, String> fields, String fileField, byte[] file) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    fields.forEach((name, value) -> out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""
        + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
    out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + fileField
        + "\"; filename=\"photo.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(file);
    out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}
