package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.civic311.server.app.Application;
import org.civic311.server.config.Configuration;
import org.civic311.server.config.ServiceSettings;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.ServerFixture;
import org.civic311.server.testing.TestConfig;
import org.civic311.server.testing.TestDatabase;
import org.junit.jupiter.api.Test;

class DiscoveryHttpTest {
  static final String API = "/open311/v2";

  @Test
  void discoveryListsEveryFieldInBothFormats() throws Exception {
    try (ServerFixture server = ServerFixture.start(TestConfig.city())) {
      JsonNode d = server.http().get(API + "/discovery.json").json();
      assertThat(d.get("changeset").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00");
      assertThat(d.get("contact").asText()).isEqualTo("tests@example.org");
      assertThat(d.get("key_service").asText()).isEqualTo("ask tests@example.org");
      JsonNode e = d.get("endpoints").get(0);
      assertThat(e.get("specification").asText()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
      assertThat(e.get("url").asText()).isEqualTo("http://127.0.0.1:" + server.http().port() + API);
      assertThat(e.get("changeset").asText()).isEqualTo(d.get("changeset").asText());
      assertThat(e.get("type").asText()).isEqualTo("test");
      assertThat(e.get("formats").get(0).asText()).isEqualTo("text/xml");
      assertThat(e.get("formats").get(1).asText()).isEqualTo("application/json");

      Answer xml = server.http().get(API + "/discovery.xml");
      assertThat(xml.contentType()).isEqualTo("text/xml; charset=utf-8");
      assertThat(xml.text()).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><discovery><changeset>")
          .contains("<endpoints><endpoint><specification>http://wiki.open311.org/GeoReport_v2</specification>")
          .contains("<formats><format>text/xml</format><format>application/json</format></formats>");
    }
  }

  @Test
  void changesetMovesOnlyWhenTheCatalogueChanges() throws Exception {
    try (TestDatabase db = TestDatabase.fresh()) {
      changesetMovesOnlyWhenTheCatalogueChanges(TestConfig.city().build(db.settings()));
    }
  }

  private static void changesetMovesOnlyWhenTheCatalogueChanges(Configuration config) throws Exception {
    String first = changeset(config);
    Thread.sleep(1100);
    assertThat(changeset(config)).as("unchanged catalogue").isEqualTo(first);

    List<ServiceSettings> more = new java.util.ArrayList<>(config.jurisdictions().get(0).services());
    more.add(new ServiceSettings("NEW", "New service", null, "realtime", null, null, null, null, null));
    var j = config.jurisdictions().get(0);
    Configuration changed = new Configuration(config.server(), config.database(), config.media(), List.of(
        new org.civic311.server.config.JurisdictionSettings(j.id(), j.name(), j.timeZone(), j.apiKeys(), more)));
    String second = changeset(changed);
    assertThat(second).isGreaterThan(first);
  }

  private static String changeset(Configuration config) throws Exception {
    try (Application app = Application.start(config, "127.0.0.1")) {
      return new org.civic311.server.testing.Http(app.port()).get(API + "/discovery.json").json()
          .get("changeset").asText();
    }
  }
}
