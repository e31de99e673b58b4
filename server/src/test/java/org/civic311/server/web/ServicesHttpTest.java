package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.RunningServer;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ServicesHttpTest {
  static final String API = "/open311/v2";
  @RegisterExtension
  static final RunningServer server = new RunningServer(TestConfig.city());

  @Test
  void serviceListHasEveryFieldWithCodesAsStringsAndRealBooleans() {
    JsonNode list = server.http().get(API + "/services.json").json();
    assertThat(list.isArray()).isTrue();
    JsonNode lamp = list.get(0);
    assertThat(lamp.get("service_code").isTextual()).isTrue();
    assertThat(lamp.get("service_code").asText()).isEqualTo("LAMP");
    assertThat(lamp.get("service_name").asText()).isEqualTo("Street light out");
    assertThat(lamp.get("description").asText()).isEqualTo("Lamp dark or flickering");
    assertThat(lamp.get("metadata").isBoolean()).isTrue();
    assertThat(lamp.get("metadata").asBoolean()).isTrue();
    assertThat(lamp.get("type").asText()).isEqualTo("realtime");
    assertThat(lamp.get("keywords").asText()).isEqualTo("lamp,light");
    assertThat(lamp.get("group").asText()).isEqualTo("Lighting");
    JsonNode pot = list.get(1);
    assertThat(pot.get("metadata").asBoolean()).isFalse();
    assertThat(list.get(2).get("type").asText()).isEqualTo("batch");
    assertThat(list.get(3).get("type").asText()).isEqualTo("blackbox");
    assertThat(list.get(3).get("keywords").isNull()).as("absent fields are null, never dropped").isTrue();
  }

  @Test
  void serviceListInXmlRepeatsServiceElements() {
    Answer a = server.http().get(API + "/services.xml");
    assertThat(a.contentType()).isEqualTo("text/xml; charset=utf-8");
    assertThat(a.text()).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><services><service>"
        + "<service_code>LAMP</service_code><service_name>Street light out</service_name>"
        + "<description>Lamp dark or flickering</description><metadata>true</metadata><type>realtime</type>"
        + "<keywords>lamp,light</keywords><group>Lighting</group></service>");
    assertThat(a.text()).contains("<keywords/>");
  }

  @Test
  void definitionCarriesEveryAttributeFieldInOrder() {
    JsonNode d = server.http().get(API + "/services/LAMP.json").json();
    assertThat(d.get("service_code").asText()).isEqualTo("LAMP");
    JsonNode attributes = d.get("attributes");
    assertThat(attributes).hasSize(7);
    JsonNode fault = attributes.get(0);
    assertThat(fault.get("variable").asBoolean()).isTrue();
    assertThat(fault.get("code").asText()).isEqualTo("FAULT");
    assertThat(fault.get("datatype").asText()).isEqualTo("multivaluelist");
    assertThat(fault.get("required").asBoolean()).isTrue();
    assertThat(fault.get("datatype_description").isNull()).isTrue();
    assertThat(fault.get("order").asInt()).isEqualTo(1);
    assertThat(fault.get("description").asText()).isEqualTo("What is wrong?");
    assertThat(fault.get("values").get(0).get("key").asText()).isEqualTo("DARK");
    assertThat(fault.get("values").get(0).get("name").asText()).isEqualTo("Not lit");
    assertThat(attributes.get(1).get("datatype_description").asText()).isEqualTo("Choose one");
    String[] types = {"multivaluelist", "singlevaluelist", "string", "number", "datetime", "text", "text"};
    for (int i = 0; i < types.length; i++) {
      assertThat(attributes.get(i).get("datatype").asText()).isEqualTo(types[i]);
      assertThat(attributes.get(i).get("order").asInt()).isEqualTo(i + 1);
    }
    assertThat(attributes.get(6).get("variable").asBoolean()).isFalse();
    assertThat(attributes.get(2).get("values").isArray()).isTrue();
    assertThat(attributes.get(2).get("values")).isEmpty();
  }

  @Test
  void definitionInXmlHasTheStandardShape() {
    String xml = server.http().get(API + "/services/LAMP.xml").text();
    assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><service_definition>"
        + "<service_code>LAMP</service_code><attributes><attribute><variable>true</variable><code>FAULT</code>"
        + "<datatype>multivaluelist</datatype><required>true</required><datatype_description/><order>1</order>"
        + "<description>What is wrong?</description><values><value><key>DARK</key><name>Not lit</name></value>");
    assertThat(xml).contains("<values></values>");
  }

  @Test
  void serviceWithoutAttributesHasAnEmptyDefinition() {
    JsonNode d = server.http().get(API + "/services/POT.json").json();
    assertThat(d.get("attributes").isArray()).isTrue();
    assertThat(d.get("attributes")).isEmpty();
  }

  @Test
  void codesWithColonsSpacesAndDotsAreReachable() {
    String path = URLEncoder.encode(TestConfig.ODD_CODE, StandardCharsets.UTF_8).replace("+", "%20");
    Answer a = server.http().get(API + "/services/" + path + ".json");
    assertThat(a.status()).as(a.text()).isEqualTo(200);
    assertThat(a.json().get("service_code").asText()).isEqualTo(TestConfig.ODD_CODE);
  }

  @Test
  void unknownServiceIs404InTheRequestedFormat() {
    Answer json = server.http().get(API + "/services/NOPE.json");
    assertThat(json.status()).isEqualTo(404);
    assertThat(json.json().get(0).get("code").asInt()).isEqualTo(404);
    assertThat(json.json().get(0).get("description").asText()).contains("NOPE");
    Answer xml = server.http().get(API + "/services/NOPE.xml");
    assertThat(xml.status()).isEqualTo(404);
    assertThat(xml.text()).contains("<errors><error><code>404</code><description>");
  }
}
