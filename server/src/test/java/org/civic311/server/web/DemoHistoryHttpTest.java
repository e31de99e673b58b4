package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import org.civic311.server.app.Application;
import org.civic311.server.config.Configuration;
import org.civic311.server.config.ConfigurationLoader;
import org.civic311.server.config.MailSettings;
import org.civic311.server.config.MediaSettings;
import org.civic311.server.domain.imports.Importer;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.Http;
import org.civic311.server.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The bundled demo starts with its past requests (stored once, seen by the API), and without them
 * when started empty; on the store under test.
 */
class DemoHistoryHttpTest {
  private static final String DEMO = "demo.civic311.org";

  @Test
  void theDemoShowsItsHistoryOnceAndAStartAfterAddsNothing() throws Exception {
    try (TestDatabase database = TestDatabase.fresh()) {
      Application app = start(database);
      try {
        Importer.Summary first = app.loadDemoHistory(DEMO);
        assertThat(first).isNotNull();
        assertThat(first.added()).isBetween(2000L, 3000L);
        assertThat(first.rejected()).isZero();
        Http http = new Http(app.port());

        // The API's default window is the last 90 days: the moved history is inside it.
        Answer page = http.get(Http.API + "/requests.json?page_size=1000");
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        assertThat(page.json().size()).isGreaterThan(100);
        JsonNode newest = page.json().get(0);
        assertThat(newest.get("service_code").asText()).isIn(codes(http));

        Answer closed = http.get(Http.API + "/requests.json?status=closed&service_code=S0301&page_size=1000");
        assertThat(closed.json().size()).isPositive();
        assertThat(closed.json()).anySatisfy(r ->
            assertThat(r.path("status_notes").asText()).contains("repaired"));
        Answer near = http.get(Http.API + "/requests.json?lat=38.9072&long=-77.0369&radius=20000&page_size=10");
        assertThat(near.json().size()).isEqualTo(10);
        Answer words = http.get(Http.API + "/requests.json?q=graffiti&page_size=10");
        assertThat(words.json().size()).isPositive();

        assertThat(app.loadDemoHistory(DEMO)).as("a second start imports nothing").isNull();
        assertThat(http.get(Http.API + "/requests.json?page_size=1000").json().size())
            .isEqualTo(page.json().size());
      } finally {
        app.close();
      }
    }
  }

  @Test
  void anEmptyDemoHasNoRequests() throws Exception {
    try (TestDatabase database = TestDatabase.fresh()) {
      Application app = start(database);
      try {
        Answer page = new Http(app.port()).get(Http.API + "/requests.json");
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        assertThat(page.json().size()).isZero();
      } finally {
        app.close();
      }
    }
  }

  private static java.util.List<String> codes(Http http) {
    return http.get(Http.API + "/services.json").json().findValuesAsText("service_code");
  }

  private static Application start(TestDatabase database) throws Exception {
    Configuration demo = ConfigurationLoader.demo().withDatabase(database.settings()).withPort(0)
        .withMedia(new MediaSettings(Files.createTempDirectory("civic311-media").toString(), null, null))
        .withMail(new MailSettings(null, Files.createTempDirectory("civic311-outbox").toString(), null, null, null,
            null, null, 1, null));
    return Application.start(ConfigurationLoader.validate(demo, "the demo"), "127.0.0.1");
  }
}
