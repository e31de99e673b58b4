package org.civic311.georeport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.georeport.DocumentKind.DISCOVERY;
import static org.civic311.georeport.DocumentKind.ERRORS;
import static org.civic311.georeport.DocumentKind.POST_REPLY;
import static org.civic311.georeport.DocumentKind.REQUESTS;
import static org.civic311.georeport.DocumentKind.SERVICES;
import static org.civic311.georeport.DocumentKind.SERVICE_DEFINITION;
import static org.civic311.georeport.DocumentKind.TOKEN_REPLY;
import static org.civic311.georeport.Format.JSON;
import static org.civic311.georeport.Format.XML;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every golden document conforms, and each rule rejects a golden document broken in just the way
 * that rule forbids.
 */
class ConformanceTest {

  static Stream<Arguments> everyKindInEveryFormat() {
    return DocumentWriterTest.everyKindInEveryFormat();
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("everyKindInEveryFormat")
  void everyGoldenDocumentConforms(DocumentKind kind, Format format) {
    assertThat(Conformance.check(kind, format, Samples.golden(kind, format))).isEmpty();
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("everyKindInEveryFormat")
  void everyGoldenDocumentConformsWithItsContentType(DocumentKind kind, Format format) {
    assertThat(Conformance.check(kind, format, format.contentType(), Samples.golden(kind, format))).isEmpty();
  }

  // --- the answer as a whole ---

  @Test
  void contentTypeIsComparedIgnoringCaseAndSpaces() {
    assertThat(Conformance.check(ERRORS, XML, "Text/XML ;Charset=UTF-8", Samples.golden(ERRORS, XML))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/xml", "application/xml; charset=utf-8", "text/xml; charset=iso-8859-1"})
  void otherContentTypeIsAViolation(String contentType) {
    assertThat(Conformance.check(ERRORS, XML, contentType, Samples.golden(ERRORS, XML)))
        .singleElement().asString().contains("Content-Type must be 'text/xml; charset=utf-8'");
  }

  @Test
  void missingContentTypeIsAViolation() {
    assertThat(Conformance.check(ERRORS, JSON, null, Samples.golden(ERRORS, JSON)))
        .singleElement().asString().contains("Content-Type", "missing");
  }

  @Test
  void bodyThatIsNotUtf8IsAViolation() {
    byte[] latin1 = "[{\"code\":400,\"description\":\"caf\u00e9\"}]".getBytes(StandardCharsets.ISO_8859_1);

    assertThat(Conformance.check(ERRORS, JSON, latin1)).anySatisfy(v -> assertThat(v).contains("not valid UTF-8"));
  }

  @Test
  void malformedDocumentIsReportedNotThrown() {
    assertThat(Conformance.check(SERVICES, JSON, Samples.utf8("[{"))).singleElement().asString()
        .startsWith("not well-formed JSON");
    assertThat(Conformance.check(SERVICES, XML, Samples.utf8("<?xml version=\"1.0\" encoding=\"utf-8\"?><services>")))
        .anySatisfy(v -> assertThat(v).startsWith("not well-formed XML"));
    assertThat(Conformance.check(SERVICES, XML, new byte[0])).isNotEmpty();
    assertThat(Conformance.check(null, XML, null)).isNotEmpty();
  }

  @Test
  void documentTypeDeclarationIsAViolation() {
    String xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?><!DOCTYPE errors [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
        + "<errors><error><code>400</code><description>&x;</description></error></errors>";

    assertThat(violations(ERRORS, XML, xml)).anySatisfy(v -> assertThat(v).contains("document type"));
  }

  // --- XML form ---

  @Test
  void xmlWithoutTheDeclarationIsAViolation() {
    String xml = Samples.goldenText(ERRORS, XML).replace("<?xml version=\"1.0\" encoding=\"utf-8\"?>", "");

    assertThat(violations(ERRORS, XML, xml)).singleElement().asString().startsWith("XML must start with the declaration");
  }

  @Test
  void xmlDeclaringAnotherEncodingIsAViolation() {
    String xml = broken(ERRORS, XML, "encoding=\"utf-8\"", "encoding=\"iso-8859-1\"");

    assertThat(violations(ERRORS, XML, xml)).anySatisfy(v -> assertThat(v).startsWith("XML must start with the declaration"));
  }

  @Test
  void wrongRootElementIsAViolation() {
    String xml = broken(SERVICES, XML, "<services>", "<service_list>").replace("</services>", "</service_list>");

    assertThat(violations(SERVICES, XML, xml))
        .anySatisfy(v -> assertThat(v).isEqualTo("the root element must be <services>, not <service_list>"));
  }

  @Test
  void misnamedListItemIsAViolation() {
    String xml = broken(SERVICE_DEFINITION, XML, "<value><key>DAY</key><name>Lit by day</name></value>",
        "<option><key>DAY</key><name>Lit by day</name></option>");

    assertThat(violations(SERVICE_DEFINITION, XML, xml))
        .singleElement().asString().contains("<values> holds <option>, expected <value>");
  }

  @Test
  void xmlBooleanOtherThanTrueOrFalseIsAViolation() {
    String xml = broken(SERVICES, XML, "<metadata>true</metadata>", "<metadata>1</metadata>");

    assertThat(violations(SERVICES, XML, xml)).singleElement().asString()
        .isEqualTo("services[0].metadata must be true or false, not '1'");
  }

  // --- lists are always lists ---

  @Test
  void listDocumentThatIsAnObjectIsAViolation() {
    String json = Samples.goldenText(ERRORS, JSON).replaceAll("^\\[|\\]$", "");

    assertThat(violations(ERRORS, JSON, json)).singleElement().asString()
        .startsWith("errors must be a list");
  }

  @Test
  void nestedListThatIsASingleObjectIsAViolation() {
    String json = broken(SERVICE_DEFINITION, JSON, "\"values\":[{\"key\":\"DARK\",\"name\":\"Not lit\"},",
        "\"values\":{\"key\":\"DARK\",\"name\":\"Not lit\"},\"more\":[");

    assertThat(violations(SERVICE_DEFINITION, JSON, json))
        .anySatisfy(v -> assertThat(v).startsWith("service_definition.attributes[0].values must be a list"));
  }

  @Test
  void xmlListWithoutItsWrapperIsAViolation() {
    String xml = broken(DISCOVERY, XML, "<formats><format>text/xml</format><format>application/json</format></formats>",
        "<format>text/xml</format>");

    assertThat(violations(DISCOVERY, XML, xml))
        .anySatisfy(v -> assertThat(v).startsWith("discovery.endpoints[0].formats is missing"));
  }

  // --- every field present, required ones non-empty ---

  @Test
  void droppedOptionalFieldIsAViolation() {
    String json = broken(SERVICES, JSON, "\"keywords\":null,", "");

    assertThat(violations(SERVICES, JSON, json)).singleElement().asString()
        .startsWith("services[1].keywords is missing");
  }

  @Test
  void droppedRequestFieldIsAViolation() {
    String xml = broken(REQUESTS, XML, "<address_id/>", "");

    assertThat(violations(REQUESTS, XML, xml)).singleElement().asString()
        .startsWith("service_requests[0].address_id is missing");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "SERVICES|\"service_name\":\"Pothole\"|\"service_name\":\"\"|services[1].service_name is required",
      "SERVICES|\"service_code\":\"LAMP\"|\"service_code\":null|services[0].service_code is required",
      "SERVICE_DEFINITION|\"description\":\"Which pole?\"|\"description\":\" \"|attributes[1].description is required",
      "REQUESTS|\"service_request_id\":\"SR-43\"|\"service_request_id\":\"\"|service_requests[1].service_request_id is required",
      "ERRORS|\"description\":\"attribute[FAULT] is required\"|\"description\":null|errors[0].description is required",
      "DISCOVERY|\"contact\":\"Civic311 maintainers: open311@example.org\"|\"contact\":\"\"|discovery.contact is required",
  })
  void emptyRequiredFieldIsAViolation(DocumentKind kind, String field, String emptied, String expected) {
    assertThat(violations(kind, JSON, broken(kind, JSON, field, emptied)))
        .singleElement().asString().contains(expected);
  }

  @Test
  void unknownExtraFieldsAreAllowed() {
    String json = broken(REQUESTS, JSON, "\"media_url\":null}", "\"media_url\":null,\"extended_attributes\":{\"ward\":5},"
        + "\"notes\":[{\"datetime\":\"2024-03-04T09:12:00+00:00\",\"type\":\"update\",\"summary\":\"seen\"}]}");

    assertThat(violations(REQUESTS, JSON, json)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void extendedRequestsConform(Format format) {
    assertThat(violations(REQUESTS, format, Samples.extendedGoldenText(format))).isEmpty();
  }

  @Test
  void detailedStatusOutsideTheCitySdkVocabularyIsAViolation() {
    String json = Samples.extendedGoldenText(JSON).replace("\"detailed_status\":\"IN_PROCESS\"",
        "\"detailed_status\":\"action_scheduled\"");

    assertThat(violations(REQUESTS, JSON, json)).singleElement().asString()
        .startsWith("service_requests[0].extended_attributes.detailed_status must be one of ARCHIVED, IN_PROCESS,");
  }

  @Test
  void extendedStatusOutsideTheUpdateVocabularyIsAViolation() {
    String xml = Samples.extendedGoldenText(XML).replace("<extended_status>not_councils_responsibility<",
        "<extended_status>REJECTED<");

    assertThat(violations(REQUESTS, XML, xml)).singleElement().asString()
        .contains("service_requests[1].extended_attributes.extended_status must be one of");
  }

  // --- JSON types ---

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "SERVICES|\"service_code\":\"LAMP\"|\"service_code\":7|services[0].service_code must be a JSON string",
      "REQUESTS|\"service_request_id\":\"SR-42\"|\"service_request_id\":42|service_requests[0].service_request_id must be a JSON string",
      "REQUESTS|\"address_id\":\"UPRN-1001\"|\"address_id\":1001|service_requests[1].address_id must be a JSON string",
      "REQUESTS|\"zipcode\":\"AB1 2CD\"|\"zipcode\":94122|service_requests[0].zipcode must be a JSON string",
      "TOKEN_REPLY|\"token\":\"T-7\"|\"token\":7|service_requests[0].token must be a JSON string",
  })
  void codeOrIdAsAJsonNumberIsAViolation(DocumentKind kind, String field, String number, String expected) {
    assertThat(violations(kind, JSON, broken(kind, JSON, field, number)))
        .anySatisfy(v -> assertThat(v).startsWith(expected));
  }

  @Test
  void booleanAsAJsonStringIsAViolation() {
    String json = broken(SERVICE_DEFINITION, JSON, "\"required\":true", "\"required\":\"true\"");

    assertThat(violations(SERVICE_DEFINITION, JSON, json)).singleElement().asString()
        .isEqualTo("service_definition.attributes[0].required must be a JSON boolean, not 'true'");
  }

  // --- values ---

  @ParameterizedTest
  @ValueSource(strings = {"2024-03-04T09:12:00.5+00:00", "2024-03-04T09:12:00", "2024-03-04", "2024-03-04T09:12+00:00",
      "2024-03-04 09:12:00+00:00", "2024-03-04T09:12:00+0000", "2024-02-30T09:12:00Z"})
  void datetimeNotInTheStrictW3cFormIsAViolation(String datetime) {
    String json = broken(REQUESTS, JSON, "\"expected_datetime\":\"2024-03-11T17:00:00+00:00\"",
        "\"expected_datetime\":\"" + datetime + "\"");

    assertThat(violations(REQUESTS, JSON, json)).singleElement().asString()
        .startsWith("service_requests[0].expected_datetime must be a datetime");
  }

  @Test
  void datetimeWithZIsAccepted() {
    String json = broken(REQUESTS, JSON, "\"expected_datetime\":\"2024-03-11T17:00:00+00:00\"",
        "\"expected_datetime\":\"2024-03-11T17:00:00Z\"");

    assertThat(violations(REQUESTS, JSON, json)).isEmpty();
  }

  @Test
  void statusOtherThanOpenOrClosedIsAViolation() {
    String xml = broken(REQUESTS, XML, "<status>open</status>", "<status>in_progress</status>");

    assertThat(violations(REQUESTS, XML, xml)).singleElement().asString()
        .isEqualTo("service_requests[0].status must be one of closed, open, not 'in_progress'");
  }

  @Test
  void upperCaseStatusIsAViolation() {
    String json = broken(REQUESTS, JSON, "\"status\":\"closed\"", "\"status\":\"CLOSED\"");

    assertThat(violations(REQUESTS, JSON, json)).singleElement().asString().contains("status must be one of");
  }

  @Test
  void unknownServiceTypeIsAViolation() {
    String json = broken(SERVICES, JSON, "\"type\":\"batch\"", "\"type\":\"async\"");

    assertThat(violations(SERVICES, JSON, json)).singleElement().asString()
        .isEqualTo("services[1].type must be one of batch, blackbox, realtime, not 'async'");
  }

  @Test
  void unknownDatatypeIsAViolation() {
    String xml = broken(SERVICE_DEFINITION, XML, "<datatype>string</datatype>", "<datatype>boolean</datatype>");

    assertThat(violations(SERVICE_DEFINITION, XML, xml)).singleElement().asString()
        .startsWith("service_definition.attributes[1].datatype must be one of");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "1.5", "\"2\""})
  void orderThatIsNotAPositiveIntegerIsAViolation(String order) {
    String json = broken(SERVICE_DEFINITION, JSON, "\"order\":2", "\"order\":" + order);

    assertThat(violations(SERVICE_DEFINITION, JSON, json)).singleElement().asString()
        .startsWith("service_definition.attributes[1].order must be an integer from 1");
  }

  @Test
  void repeatedOrderIsAViolation() {
    String xml = broken(SERVICE_DEFINITION, XML, "<order>2</order>", "<order>1</order>");

    assertThat(violations(SERVICE_DEFINITION, XML, xml)).singleElement().asString()
        .isEqualTo("service_definition.attributes[1].order 1 appears more than once in the definition");
  }

  @Test
  void repeatedAttributeCodeIsAViolation() {
    String json = broken(SERVICE_DEFINITION, JSON, "\"code\":\"POLE\"", "\"code\":\"FAULT\"");

    assertThat(violations(SERVICE_DEFINITION, JSON, json)).singleElement().asString()
        .contains("code 'FAULT' appears more than once");
  }

  @Test
  void repeatedValueKeyIsAViolation() {
    String json = broken(SERVICE_DEFINITION, JSON, "\"key\":\"DAY\"", "\"key\":\"DARK\"");

    assertThat(violations(SERVICE_DEFINITION, JSON, json)).singleElement().asString()
        .isEqualTo("service_definition.attributes[0].values[1].key 'DARK' appears more than once in the attribute");
  }

  @Test
  void listDatatypeWithoutValuesIsAViolation() {
    String xml = broken(SERVICE_DEFINITION, XML, "<datatype>string</datatype>", "<datatype>singlevaluelist</datatype>");

    assertThat(violations(SERVICE_DEFINITION, XML, xml)).singleElement().asString()
        .isEqualTo("service_definition.attributes[1].values must offer at least one value for a list datatype");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "\"lat\":51.5072|\"lat\":91.0|service_requests[0].lat must be between -90",
      "\"long\":-0.1276|\"long\":-180.5|service_requests[0].long must be between -180",
      "\"lat\":51.5072|\"lat\":\"51.5072\"|service_requests[0].lat must be a number",
      "\"long\":-0.1276|\"long\":null|service_requests[0] must give lat and long together",
  })
  void coordinateThatIsNotANumberInRangeIsAViolation(String field, String changed, String expected) {
    assertThat(violations(REQUESTS, JSON, broken(REQUESTS, JSON, field, changed)))
        .singleElement().asString().startsWith(expected);
  }

  @Test
  void xmlCoordinateOutOfRangeIsAViolation() {
    String xml = broken(REQUESTS, XML, "<lat>51.5072</lat>", "<lat>-90.01</lat>");

    assertThat(violations(REQUESTS, XML, xml)).singleElement().asString().startsWith("service_requests[0].lat must be between");
  }

  // --- replies ---

  @Test
  void postReplyWithTwoRequestsIsAViolation() {
    String json = "[{\"service_request_id\":\"1\",\"service_notice\":null},{\"service_request_id\":\"2\",\"service_notice\":null}]";

    assertThat(violations(POST_REPLY, JSON, json)).singleElement().asString()
        .isEqualTo("service_requests must hold exactly one request, not 2");
  }

  @Test
  void postReplyWithBothIdAndTokenIsAViolation() {
    String json = broken(POST_REPLY, JSON, "\"service_request_id\":\"SR-42\"", "\"service_request_id\":\"SR-42\",\"token\":\"T-7\"");

    assertThat(violations(POST_REPLY, JSON, json)).singleElement().asString()
        .contains("must not carry both service_request_id and token");
  }

  @Test
  void blackboxPostReplyWithOnlyANoticeConforms() {
    byte[] xml = new DocumentWriter().write(Documents.receipt(RequestReceipt.ofNotice("We will look")), XML);

    assertThat(Conformance.check(POST_REPLY, XML, xml)).isEmpty();
  }

  @Test
  void tokenReplyWithoutTokenIsAViolation() {
    String xml = broken(TOKEN_REPLY, XML, "<token>T-7</token>", "");

    assertThat(violations(TOKEN_REPLY, XML, xml)).singleElement().asString()
        .startsWith("service_requests[0].token is missing");
  }

  @Test
  void tokenReplyWithoutRequestIsAViolation() {
    assertThat(violations(TOKEN_REPLY, JSON, "[]")).singleElement().asString()
        .isEqualTo("service_requests must hold exactly one request, not 0");
  }

  // --- errors ---

  @ParameterizedTest
  @ValueSource(strings = {"200", "399", "600", "\"400\"", "400.0"})
  void errorCodeThatIsNotAnIntegerFrom400To599IsAViolation(String code) {
    String json = broken(ERRORS, JSON, "\"code\":400", "\"code\":" + code);

    assertThat(violations(ERRORS, JSON, json)).singleElement().asString()
        .startsWith("errors[0].code must be an integer from 400 to 599");
  }

  @Test
  void emptyErrorListIsAViolation() {
    assertThat(violations(ERRORS, XML, "<?xml version=\"1.0\" encoding=\"utf-8\"?><errors/>"))
        .singleElement().asString().isEqualTo("errors must hold at least one error");
  }

  // --- discovery ---

  @Test
  void discoveryWithoutEndpointsIsAViolation() {
    String xml = Samples.goldenText(DISCOVERY, XML).replaceAll("<endpoints>.*</endpoints>", "<endpoints/>");

    assertThat(violations(DISCOVERY, XML, xml)).singleElement().asString()
        .isEqualTo("discovery.endpoints must list at least one endpoint");
  }

  @Test
  void discoveryEndpointWithoutXmlIsAViolation() {
    String json = broken(DISCOVERY, JSON, "\"formats\":[\"text/xml\",", "\"formats\":[");

    assertThat(violations(DISCOVERY, JSON, json)).singleElement().asString()
        .isEqualTo("discovery.endpoints[0].formats must include text/xml, which every GeoReport server serves");
  }

  @Test
  void discoveryWithAChangesetThatIsNotADatetimeIsAViolation() {
    String json = broken(DISCOVERY, JSON, "{\"changeset\":\"2024-03-01T00:00:00+00:00\"", "{\"changeset\":\"2011-02-03 14:18\"");

    assertThat(violations(DISCOVERY, JSON, json)).singleElement().asString()
        .startsWith("discovery.changeset must be a datetime");
  }

  @Test
  void discoveryEndpointOfUnknownTypeIsAViolation() {
    String xml = broken(DISCOVERY, XML, "<type>production</type>", "<type>live</type>");

    assertThat(violations(DISCOVERY, XML, xml)).singleElement().asString()
        .startsWith("discovery.endpoints[0].type must be one of production, test");
  }

  // --- personal data ---

  @ParameterizedTest
  @ValueSource(strings = {"email", "phone", "first_name", "last_name", "device_id", "account_id"})
  void personalFieldInRequestsIsAViolation(String field) {
    String json = broken(REQUESTS, JSON, "\"media_url\":null}", "\"media_url\":null,\"" + field + "\":\"x\"}");

    assertThat(violations(REQUESTS, JSON, json)).singleElement().asString()
        .isEqualTo("service_requests[0]." + field + " is personal data and must never appear in a public document");
  }

  @Test
  void personalFieldNestedInAnExtensionIsAViolation() {
    String xml = broken(REQUESTS, XML, "<media_url/></request>",
        "<media_url/><extended_attributes><reporter><email>a@b.c</email></reporter></extended_attributes></request>");

    assertThat(violations(REQUESTS, XML, xml)).singleElement().asString()
        .startsWith("service_requests[0].extended_attributes.reporter.email is personal data");
  }

  @Test
  void accountIdIsAllowedInAPostReply() {
    String json = broken(POST_REPLY, JSON, "\"account_id\":null", "\"account_id\":\"ACC-9\"");

    assertThat(violations(POST_REPLY, JSON, json)).isEmpty();
  }

  @Test
  void accountIdInATokenReplyIsAViolation() {
    String json = broken(TOKEN_REPLY, JSON, "\"token\":\"T-7\"", "\"token\":\"T-7\",\"account_id\":\"ACC-9\"");

    assertThat(violations(TOKEN_REPLY, JSON, json)).singleElement().asString().contains("account_id is personal data");
  }

  @Test
  void emailInAPostReplyIsAViolation() {
    String json = broken(POST_REPLY, JSON, "\"account_id\":null", "\"account_id\":null,\"email\":\"a@b.c\"");

    assertThat(violations(POST_REPLY, JSON, json)).singleElement().asString().contains("email is personal data");
  }

  // --- other rules ---

  @Test
  void repeatedServiceCodeIsAViolation() {
    String json = broken(SERVICES, JSON, "\"service_code\":\"POTHOLE\"", "\"service_code\":\"LAMP\"");

    assertThat(violations(SERVICES, JSON, json)).singleElement().asString()
        .isEqualTo("services[1].service_code 'LAMP' appears more than once");
  }

  @Test
  void realDcServiceDefinitionConforms() {
    // A real server's definition, pretty-printed with white space and `<values />`, follows every rule.
    List<String> violations = Conformance.check(SERVICE_DEFINITION, XML, Samples.resource("real/dc-services-S0301.xml"));

    assertThat(violations).isEmpty();
  }

  private static List<String> violations(DocumentKind kind, Format format, String body) {
    return Conformance.check(kind, format, Samples.utf8(body));
  }

  /** The golden document with {@code from} replaced once by {@code to}; fails when {@code from} is absent. */
  private static String broken(DocumentKind kind, Format format, String from, String to) {
    String golden = Samples.goldenText(kind, format);
    assertThat(golden).as("golden %s %s", kind, format).contains(from);
    return golden.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to));
  }
}
