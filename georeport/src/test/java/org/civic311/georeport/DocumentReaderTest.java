package org.civic311.georeport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DocumentReaderTest {
  private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"utf-8\"?>";
  private final DocumentReader reader = new DocumentReader();

  // --- the Spark tree ---

  @Test
  void xmlRootElementIsDropped() {
    JsonNode tree = xmlTree("<service_definition><service_code>LAMP</service_code></service_definition>");

    assertThat(tree.isObject()).isTrue();
    assertThat(tree.has("service_definition")).isFalse();
    assertThat(tree.get("service_code").asText()).isEqualTo("LAMP");
  }

  @Test
  void singleChildOfAKnownContainerIsStillAnArray() {
    JsonNode tree = xmlTree("<services><service><service_code>LAMP</service_code></service></services>");

    assertThat(tree.isArray()).isTrue();
    assertThat(tree).hasSize(1);
    assertThat(tree.get(0).get("service_code").asText()).isEqualTo("LAMP");
  }

  @Test
  void everyKnownContainerIsAnArrayEvenWhenEmpty() {
    for (String container : List.of("services", "attributes", "values", "service_requests", "errors",
        "endpoints", "formats", "service_request_updates", "groups", "notes")) {
      JsonNode tree = xmlTree("<doc><" + container + "/><x>1</x></doc>");

      assertThat(tree.get(container).isArray()).as(container).isTrue();
      assertThat(tree.get(container)).as(container).isEmpty();
    }
  }

  @Test
  void knownContainerHoldingOnlyWhiteSpaceIsAnEmptyArray() {
    JsonNode tree = xmlTree("<attribute><code>A</code><values>\n      </values></attribute>");

    assertThat(tree.get("values").isArray()).isTrue();
    assertThat(tree.get("values")).isEmpty();
  }

  @Test
  void listOfTextItemsIsAnArrayOfStrings() {
    JsonNode tree = xmlTree("<endpoint><formats><format>text/xml</format></formats></endpoint>");

    assertThat(tree.get("formats").isArray()).isTrue();
    assertThat(tree.get("formats").get(0).asText()).isEqualTo("text/xml");
  }

  @Test
  void emptyElementIsNull() {
    JsonNode tree = xmlTree("<request><a/><b></b><c>  </c><d>x</d></request>");

    assertThat(tree.get("a").isNull()).isTrue();
    assertThat(tree.get("b").isNull()).isTrue();
    assertThat(tree.get("c").isNull()).isTrue();
    assertThat(tree.get("d").asText()).isEqualTo("x");
  }

  @Test
  void xmlTextStaysAString() {
    JsonNode tree = xmlTree("<attribute><order>1</order><required>true</required><code>007</code></attribute>");

    assertThat(tree.get("order").isTextual()).isTrue();
    assertThat(tree.get("required").isTextual()).isTrue();
    assertThat(tree.get("code").asText()).isEqualTo("007");
  }

  @Test
  void xmlTextKeepsItsSpacesAndDecodesEntitiesAndCdata() {
    JsonNode tree = xmlTree("<r><a> padded </a><b>&lt;br&gt; &amp; &#13;</b><c><![CDATA[<i>x</i>]]></c></r>");

    assertThat(tree.get("a").asText()).isEqualTo(" padded ");
    assertThat(tree.get("b").asText()).isEqualTo("<br> & \r");
    assertThat(tree.get("c").asText()).isEqualTo("<i>x</i>");
  }

  @Test
  void repeatedUnknownElementsBecomeAnArray() {
    JsonNode tree = xmlTree("<r><photos><photo>a</photo><photo>b</photo></photos>"
        + "<media_url>m1</media_url><media_url>m2</media_url><id>1</id></r>");

    assertThat(tree.get("photos").isArray()).isTrue();
    assertThat(tree.get("photos")).hasSize(2);
    assertThat(tree.get("media_url").get(1).asText()).isEqualTo("m2");
    assertThat(tree.get("id").asText()).isEqualTo("1");
  }

  @Test
  void jsonIsReadAsItIs() {
    JsonNode tree = reader.tree(Samples.utf8("[{\"order\":1,\"ok\":true}]"), Format.JSON);

    assertThat(tree.get(0).get("order").isInt()).isTrue();
    assertThat(tree.get(0).get("ok").isBoolean()).isTrue();
  }

  // --- safety and malformed input ---

  @Test
  void externalEntityAttackIsRejected() {
    String xxe = DECLARATION + "<!DOCTYPE services [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
        + "<services><service><service_code>&xxe;</service_code></service></services>";

    assertThatThrownBy(() -> reader.services(Samples.utf8(xxe), Format.XML))
        .isInstanceOf(DocumentException.class)
        .hasMessageContaining("document type declarations are not allowed");
  }

  @Test
  void entityExpansionAttackIsRejected() {
    String laughs = DECLARATION + "<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>"
        + "<r><x>&b;</x></r>";

    assertThatThrownBy(() -> reader.tree(Samples.utf8(laughs), Format.XML))
        .isInstanceOf(DocumentException.class)
        .hasMessageContaining("document type");
  }

  @Test
  void undeclaredEntityIsRejected() {
    assertThatThrownBy(() -> reader.tree(Samples.utf8("<r><x>&nope;</x></r>"), Format.XML))
        .isInstanceOf(DocumentException.class)
        .hasMessageContaining("nope");
  }

  @Test
  void malformedXmlIsADocumentException() {
    assertThatThrownBy(() -> reader.tree(Samples.utf8("<services><service></services>"), Format.XML))
        .isInstanceOf(DocumentException.class)
        .hasMessageStartingWith("not well-formed XML");
  }

  @Test
  void xmlWithoutRootIsADocumentException() {
    assertThatThrownBy(() -> reader.tree(Samples.utf8(DECLARATION), Format.XML))
        .isInstanceOf(DocumentException.class);
  }

  @Test
  void mixedTextAndElementsIsADocumentException() {
    assertThatThrownBy(() -> reader.tree(Samples.utf8("<r><a>x<b>y</b></a></r>"), Format.XML))
        .isInstanceOf(DocumentException.class)
        .hasMessageContaining("mixes text with elements");
  }

  @Test
  void malformedJsonIsADocumentException() {
    assertThatThrownBy(() -> reader.tree(Samples.utf8("[{\"service_code\":}]"), Format.JSON))
        .isInstanceOf(DocumentException.class)
        .hasMessageStartingWith("not well-formed JSON");
  }

  @Test
  void emptyJsonIsADocumentException() {
    assertThatThrownBy(() -> reader.tree(new byte[0], Format.JSON))
        .isInstanceOf(DocumentException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void jsonWithTrailingContentIsADocumentException() {
    assertThatThrownBy(() -> reader.tree(Samples.utf8("[] []"), Format.JSON))
        .isInstanceOf(DocumentException.class);
  }

  @Test
  void jsonWithADuplicateKeyIsADocumentException() {
    assertThatThrownBy(() -> reader.tree(Samples.utf8("{\"a\":1,\"a\":2}"), Format.JSON))
        .isInstanceOf(DocumentException.class)
        .hasMessageContaining("a");
  }

  @Test
  void missingRequiredFieldIsNamedByItsPath() {
    String json = "[{\"service_code\":\"A\",\"service_name\":\"A\",\"type\":\"realtime\"},"
        + "{\"service_code\":\"B\",\"type\":\"realtime\"}]";

    assertThatThrownBy(() -> reader.services(Samples.utf8(json), Format.JSON))
        .isInstanceOf(DocumentException.class)
        .hasMessage("services[1].service_name is missing");
  }

  @Test
  void unknownStatusIsRejectedNamingTheField() {
    byte[] xml = Samples.utf8(Samples.goldenText(DocumentKind.REQUESTS, Format.XML)
        .replace("<status>open</status>", "<status>in_progress</status>"));

    assertThatThrownBy(() -> reader.requests(xml, Format.XML))
        .isInstanceOf(DocumentException.class)
        .hasMessageContaining("service_requests[0].status 'in_progress'");
  }

  @Test
  void unreadableDatetimeIsRejectedNamingTheField() {
    byte[] json = Samples.utf8(Samples.goldenText(DocumentKind.REQUESTS, Format.JSON)
        .replace("\"2024-03-04T09:12:00+00:00\",\"updated", "\"last Tuesday\",\"updated"));

    assertThatThrownBy(() -> reader.requests(json, Format.JSON))
        .isInstanceOf(DocumentException.class)
        .hasMessageContaining("service_requests[0].requested_datetime 'last Tuesday'");
  }

  @Test
  void nonIntegerErrorCodeIsRejectedNamingTheField() {
    assertThatThrownBy(() -> reader.errors(Samples.utf8("[{\"code\":\"bad\",\"description\":\"x\"}]"), Format.JSON))
        .isInstanceOf(DocumentException.class)
        .hasMessageContaining("errors[0].code");
  }

  // --- leniency ---

  @Test
  void booleansWrittenAsTextOrDigitsAreRead() {
    String xml = "<services>"
        + service("A", "<metadata>TRUE</metadata>") + service("B", "<metadata>0</metadata>")
        + service("C", "<metadata>yes</metadata>") + service("D", "") + "</services>";

    List<Service> services = reader.services(Samples.utf8(xml), Format.XML);

    assertThat(services).extracting(Service::metadata).containsExactly(true, false, true, false);
  }

  @Test
  void booleansAsJsonStringsAreRead() {
    String json = "[{\"service_code\":\"A\",\"service_name\":\"A\",\"metadata\":\"true\",\"type\":\"batch\"}]";

    assertThat(reader.services(Samples.utf8(json), Format.JSON).get(0).metadata()).isTrue();
  }

  @Test
  void unreadableBooleanIsRejectedNamingTheField() {
    String json = "[{\"service_code\":\"A\",\"service_name\":\"A\",\"metadata\":\"maybe\",\"type\":\"batch\"}]";

    assertThatThrownBy(() -> reader.services(Samples.utf8(json), Format.JSON))
        .isInstanceOf(DocumentException.class)
        .hasMessageContaining("services[0].metadata 'maybe'");
  }

  @Test
  void numbersWrittenAsStringsAreRead() {
    String json = "{\"service_code\":\"S\",\"attributes\":[{\"variable\":\"true\",\"code\":\"A\","
        + "\"datatype\":\"string\",\"required\":\"false\",\"order\":\" 3 \",\"description\":\"Q\"}]}";

    ServiceAttribute a = reader.serviceDefinition(Samples.utf8(json), Format.JSON).attributes().get(0);

    assertThat(a.order()).isEqualTo(3);
    assertThat(a.variable()).isTrue();
    assertThat(a.required()).isFalse();
    assertThat(a.values()).isEmpty();
  }

  @Test
  void coordinatesWrittenAsStringsAreRead() {
    byte[] json = Samples.utf8(Samples.goldenText(DocumentKind.REQUESTS, Format.JSON)
        .replace("\"lat\":51.5072", "\"lat\":\"51.5072\""));

    assertThat(reader.requests(json, Format.JSON).get(0).lat()).isEqualTo(51.5072);
  }

  @Test
  void codesAndIdsWrittenAsJsonNumbersAreReadAsText() {
    String json = "[{\"service_request_id\":638344,\"status\":\"Closed\",\"service_code\":6,"
        + "\"requested_datetime\":\"2010-04-14T06:37:38-08:00\",\"zipcode\":94122,\"address_id\":545483}]";

    ServiceRequest r = reader.requests(Samples.utf8(json), Format.JSON).get(0);

    assertThat(r.id()).isEqualTo("638344");
    assertThat(r.serviceCode()).isEqualTo("6");
    assertThat(r.zipcode()).isEqualTo("94122");
    assertThat(r.addressId()).isEqualTo("545483");
    assertThat(r.status()).isEqualTo(Status.CLOSED);
  }

  @Test
  void errorCodeWrittenAsJsonStringIsRead() {
    List<GeoReportError> errors = reader.errors(Samples.utf8("[{\"code\":\"404\",\"description\":\"no\"}]"), Format.JSON);

    assertThat(errors).containsExactly(new GeoReportError(404, "no"));
  }

  @Test
  void emptyJsonStringIsReadAsAbsent() {
    String json = "[{\"service_code\":\"A\",\"service_name\":\"A\",\"description\":\"\",\"type\":\"realtime\"}]";

    assertThat(reader.services(Samples.utf8(json), Format.JSON).get(0).description()).isNull();
  }

  @Test
  void lenientDatetimesAreRead() {
    String json = "[{\"service_request_id\":\"1\",\"status\":\"open\",\"service_code\":\"A\","
        + "\"requested_datetime\":\"2024-03-04T09:12:00.250Z\",\"updated_datetime\":\"2024-03-05\"}]";

    ServiceRequest r = reader.requests(Samples.utf8(json), Format.JSON).get(0);

    assertThat(r.requestedDatetime()).isEqualTo(OffsetDateTime.parse("2024-03-04T09:12:00.250Z"));
    assertThat(r.updatedDatetime()).isEqualTo(OffsetDateTime.parse("2024-03-05T00:00:00Z"));
  }

  @Test
  void loneObjectInsteadOfAJsonArrayIsAListOfOne() {
    String json = "{\"code\":400,\"description\":\"bad\"}";

    assertThat(reader.errors(Samples.utf8(json), Format.JSON)).containsExactly(new GeoReportError(400, "bad"));
  }

  @Test
  void jsonListWrappedInItsContainerNameIsRead() {
    String wrapped = "{\"service_requests\":{\"request\":[{\"service_request_id\":\"7\",\"token\":\"T\"}]}}";
    String once = "{\"service_requests\":[{\"service_request_id\":\"7\",\"token\":\"T\"}]}";

    assertThat(reader.receipts(Samples.utf8(wrapped), Format.JSON))
        .containsExactly(new RequestReceipt("7", "T", null, null));
    assertThat(reader.receipts(Samples.utf8(once), Format.JSON))
        .containsExactly(new RequestReceipt("7", "T", null, null));
  }

  @Test
  void valueWithoutNameIsLabelledByItsKey() {
    String xml = "<service_definition><service_code>S</service_code><attributes><attribute>"
        + "<code>A</code><datatype>singlevaluelist</datatype><order>1</order><description>Q</description>"
        + "<values><value><key>K</key></value></values></attribute></attributes></service_definition>";

    ServiceAttribute a = reader.serviceDefinition(Samples.utf8(xml), Format.XML).attributes().get(0);

    assertThat(a.values()).containsExactly(new AttributeValue("K", "K"));
  }

  // --- real documents ---

  @Test
  void readsDcServiceDefinitionInOrder() {
    ServiceDefinition d = reader.serviceDefinition(Samples.resource("real/dc-services-S0301.xml"), Format.XML);

    assertThat(d.serviceCode()).isEqualTo("S0301");
    assertThat(d.attributes()).extracting(ServiceAttribute::order).isSorted();
    ServiceAttribute first = d.attributes().get(0);
    assertThat(first.code()).isEqualTo("WHISPOLO");
    assertThat(first.required()).isTrue();
    assertThat(first.datatype()).isEqualTo(Datatype.SINGLEVALUELIST);
    assertThat(first.values()).extracting(AttributeValue::key).containsExactly("ALLEY002", "STREE001");
    ServiceAttribute note = d.attributes().stream().filter(a -> a.code().equals("NOTE001")).findFirst().orElseThrow();
    assertThat(note.variable()).isFalse();
    assertThat(note.datatype()).isEqualTo(Datatype.TEXT);
    assertThat(note.values()).isEmpty();
  }

  @Test
  void readsDcDiscovery() {
    Discovery d = reader.discovery(Samples.resource("real/discovery-dc.xml"), Format.XML);

    assertThat(d.changeset()).isEqualTo("2012-03-08T16:00:00-05:00");
    assertThat(d.contact()).contains("octo@dc.gov");
    assertThat(d.endpoints()).hasSize(2);
    assertThat(d.endpoints().get(0).formats()).containsExactly("text/xml");
    assertThat(d.endpoints().get(1).specification()).isEqualTo("http://wiki.open311.org/GeoReport_v2.1_Draft");
  }

  @Test
  void readsTheStandardsExampleRequests() {
    List<ServiceRequest> requests = reader.requests(Samples.resource("real/service-requests.xml"), Format.XML);

    assertThat(requests).extracting(ServiceRequest::id).containsExactly("638344", "638349");
    ServiceRequest first = requests.get(0);
    assertThat(first.status()).isEqualTo(Status.CLOSED);
    assertThat(first.serviceCode()).isEqualTo("006");
    assertThat(first.description()).isNull();
    assertThat(first.requestedDatetime()).isEqualTo(OffsetDateTime.parse("2010-04-14T06:37:38-08:00"));
    assertThat(first.lat()).isEqualTo(37.762221815);
    assertThat(first.lon()).isEqualTo(-122.4651145);
    assertThat(first.zipcode()).isEqualTo("94122");
    assertThat(first.mediaUrl()).isEqualTo("http://city.gov.s3.amazonaws.com/requests/media/638344.jpg ");
    assertThat(requests.get(1).statusNotes()).isNull();
  }

  @Test
  void readsEveryServiceOfDc() {
    byte[] xml = Samples.resource("real/dc-services.xml");
    Matcher m = Pattern.compile("<service>").matcher(new String(xml, StandardCharsets.UTF_8));
    int count = 0;
    while (m.find()) {
      count++;
    }

    List<Service> services = reader.services(xml, Format.XML);

    assertThat(services).hasSize(count);
    assertThat(services.get(0).code()).isEqualTo("CSRREPIS");
    assertThat(services.get(0).name()).isEqualTo("311 Online Reported Issues");
    assertThat(services).allSatisfy(s -> assertThat(s.metadata()).isTrue());
    assertThat(services.get(1).description()).contains("<br><br>");
  }

  @Test
  void oneReaderCanBeSharedBetweenThreads() throws Exception {
    byte[] xml = Samples.golden(DocumentKind.REQUESTS, Format.XML);
    byte[] json = Samples.golden(DocumentKind.REQUESTS, Format.JSON);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<ServiceRequest>>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        boolean useXml = i % 2 == 0;
        results.add(pool.submit(() -> useXml ? reader.requests(xml, Format.XML) : reader.requests(json, Format.JSON)));
      }
      for (Future<List<ServiceRequest>> result : results) {
        assertThat(result.get()).isEqualTo(Samples.requests());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private JsonNode xmlTree(String xml) {
    return reader.tree(Samples.utf8(DECLARATION + xml), Format.XML);
  }

  private static String service(String code, String metadata) {
    return "<service><service_code>" + code + "</service_code><service_name>" + code + "</service_name>"
        + metadata + "<type>realtime</type></service>";
  }

  @Test
  void datetimesWithoutAZoneAreReadAsUtc() {
    String json = "[{\"service_request_id\":\"1\",\"status\":\"open\",\"service_code\":\"A\","
        + "\"requested_datetime\":\"2019-11-14T00:21:08\",\"updated_datetime\":\"2019-11-14 00:21:08.5\"}]";

    ServiceRequest r = reader.requests(Samples.utf8(json), Format.JSON).get(0);

    assertThat(r.requestedDatetime()).isEqualTo(OffsetDateTime.parse("2019-11-14T00:21:08Z"));
    assertThat(r.updatedDatetime()).isEqualTo(OffsetDateTime.parse("2019-11-14T00:21:08.5Z"));
  }

  @Test
  void updateHistoryAndItsReplyAreRead() {
    for (Format f : Format.values()) {
      byte[] updates = new DocumentWriter().write(Documents.updates(Samples.updates()), f);
      assertThat(reader.updates(updates, f)).isEqualTo(Samples.updates());
      byte[] reply = new DocumentWriter().write(Documents.updateReceipt("UPD-7", null), f);
      assertThat(reader.updateReceipt(reply, f)).isEqualTo("UPD-7");
    }
  }

  @Test
  void extensionsAreReadBackAsWritten() {
    for (Format f : Format.values()) {
      byte[] body = new DocumentWriter().write(Documents.requests(Samples.requests(), Samples.extensions()), f);
      assertThat(reader.requestExtensions(body, f)).isEqualTo(Samples.extensions());
    }
  }

  @Test
  void chicagoStyleExtensionsAreRead() {
    String json = "[{\"service_request_id\":\"SR19-1\",\"status\":\"open\",\"service_code\":\"A\","
        + "\"requested_datetime\":\"2019-11-14T00:21:08-06:00\",\"extended_attributes\":{\"channel\":\"phone\","
        + "\"detailed_status\":\"IN_PROCESS\",\"attributes\":{\"WARD\":\"42\"}},"
        + "\"notes\":[{\"datetime\":\"2019-11-15T09:00:00-06:00\",\"type\":\"activity\",\"summary\":\"Crew sent\"}]}]";

    RequestExtensions x = reader.requestExtensions(Samples.utf8(json), Format.JSON).get(0);

    assertThat(x.channel()).isEqualTo("phone");
    assertThat(x.extendedStatus()).isEqualTo(ExtendedStatus.IN_PROGRESS);
    assertThat(x.attributes()).containsExactly(new RequestExtensions.Answer("WARD", "42"));
    assertThat(x.notes()).singleElement().satisfies(n -> {
      assertThat(n.description()).isEqualTo("Crew sent");
      assertThat(n.serviceRequestId()).isEqualTo("SR19-1");
      assertThat(n.status()).isEqualTo(ExtendedStatus.UNCHANGED);
    });
  }
}
