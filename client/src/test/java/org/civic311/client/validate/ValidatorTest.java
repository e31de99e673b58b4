package org.civic311.client.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.civic311.client.FakeServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The validator finds every defect planted in a test endpoint, and nothing else; it finds nothing
 * in a conformant one; and no endpoint, however bad, makes it throw or run unbounded.
 */
class ValidatorTest {
  static Options options(String url) {
    return Options.of(url).withDelay(Duration.ZERO).withPost("LAMP").withApiKey(TestEndpoint.KEY)
        .withCallTimeout(Duration.ofSeconds(5));
  }

  static Set<String> rules(Report r) {
    return r.findings().stream().map(f -> f.rule().id()).collect(Collectors.toSet());
  }

  @Test
  void aConformantEndpointHasNoFinding() {
    try (TestEndpoint endpoint = new TestEndpoint(Set.of())) {
      Report r = new Validator().run(options(endpoint.url()));

      assertThat(r.findings()).as(ReportWriter.text(r)).isEmpty();
      assertThat(r.passed()).isTrue();
      assertThat(r.checked()).hasSizeGreaterThan(20);
      assertThat(r.calls()).isLessThanOrEqualTo(Options.of("x").maxCalls());
    }
  }

  @ParameterizedTest
  @EnumSource(TestEndpoint.Defect.class)
  void eachPlantedDefectIsFoundAndNothingElse(TestEndpoint.Defect defect) {
    try (TestEndpoint endpoint = new TestEndpoint(Set.of(defect))) {
      Report r = new Validator().run(options(endpoint.url()));

      assertThat(rules(r)).as(ReportWriter.text(r)).containsExactly(defect.rule);
      assertThat(r.findings()).allSatisfy(f -> {
        assertThat(f.evidence().url()).startsWith(endpoint.url());
        assertThat(f.rule().section()).isNotBlank();
      });
    }
  }

  @Test
  void allDefectsAtOnceAreAllFound() {
    try (TestEndpoint endpoint = new TestEndpoint(EnumSet.allOf(TestEndpoint.Defect.class))) {
      Report r = new Validator().run(options(endpoint.url()));
      Set<String> planted = EnumSet.allOf(TestEndpoint.Defect.class).stream().map(d -> d.rule)
          .collect(Collectors.toSet());
      assertThat(rules(r)).as(ReportWriter.text(r)).containsAll(planted);
      assertThat(r.passed()).isFalse();
    }
  }

  @Test
  void nothingIsPostedWithoutPost() {
    try (TestEndpoint endpoint = new TestEndpoint(Set.of())) {
      Report r = new Validator().run(Options.of(endpoint.url()).withDelay(Duration.ZERO).withApiKey(TestEndpoint.KEY));
      assertThat(r.passed()).isTrue();
      assertThat(endpoint.calls()).isNotEmpty().noneMatch(c -> c.startsWith("POST"));
    }
  }

  @Test
  void theCallBudgetIsKept() {
    try (TestEndpoint endpoint = new TestEndpoint(Set.of())) {
      Report r = new Validator().run(options(endpoint.url()).withMaxCalls(5));
      assertThat(endpoint.calls()).hasSize(5);
      assertThat(r.calls()).isEqualTo(5);
      assertThat(r.notes()).anyMatch(n -> n.contains("budget of 5 calls"));
    }
  }

  @Test
  void aDiscoveryUrlLeadsToItsEndpoint() {
    try (TestEndpoint endpoint = new TestEndpoint(Set.of())) {
      Report r = new Validator().run(options(endpoint.url() + "/discovery.json"));
      assertThat(r.findings()).as(ReportWriter.text(r)).isEmpty();
      assertThat(endpoint.calls()).anyMatch(c -> c.startsWith("GET /open311/v2/services.xml"));
    }
  }

  @Test
  void anUnreachableUrlIsOneClearFinding() {
    FakeServer gone = new FakeServer();
    String url = gone.url("/open311/v2");
    gone.close();
    Report r = new Validator().run(options(url));
    assertThat(r.findings()).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo(Rule.REACHABLE);
      assertThat(f.message()).contains("GET discovery.xml").contains("cannot connect")
          .doesNotContain("Exception");
    });
    assertThat(r.calls()).isEqualTo(1);
  }

  @Test
  void anUnknownHostIsNamed() {
    Report r = new Validator().run(options("http://no-such-host.invalid/open311/v2"));
    assertThat(r.findings()).singleElement().satisfies(f ->
        assertThat(f.message()).contains("unknown host no-such-host.invalid"));
  }

  @Test
  void aUrlThatIsNotOpen311SaysSo() {
    try (FakeServer site = new FakeServer()) {
      site.otherwise(c -> c.answer(200, "text/html", "<!DOCTYPE html><html><body>Welcome to our city</body></html>"));
      Report r = new Validator().run(options(site.url("/")));
      assertThat(rules(r)).contains("is-open311");
      assertThat(r.passed()).isFalse();
      assertThat(r.calls()).isLessThanOrEqualTo(3);
    }
  }

  @Test
  void aHangingServerGivesABoundedRun() {
    CountDownLatch release = new CountDownLatch(1);
    try (FakeServer hang = new FakeServer()) {
      hang.otherwise(c -> {
        try {
          release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      long t0 = System.nanoTime();
      Report r = new Validator().run(options(hang.url("/v2")).withCallTimeout(Duration.ofSeconds(1)));
      Duration took = Duration.ofNanos(System.nanoTime() - t0);

      assertThat(took).isLessThan(Duration.ofSeconds(10));
      assertThat(rules(r)).containsExactly("answers-in-time");
      assertThat(r.passed()).isFalse();
      assertThat(r.calls()).isEqualTo(2);
    } finally {
      release.countDown();
    }
  }

  @Test
  void aServerSendingGigabytesGivesABoundedRun() {
    CountDownLatch release = new CountDownLatch(1);
    try (FakeServer huge = new FakeServer()) {
      huge.otherwise(c -> {
        c.exchange().getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
        c.exchange().sendResponseHeaders(200, 0);
        OutputStream out = c.exchange().getResponseBody();
        out.write("<?xml version=\"1.0\" encoding=\"utf-8\"?><services>".getBytes());
        byte[] chunk = "<service><service_code>X</service_code></service>".repeat(1000).getBytes();
        for (int i = 0; i < 20_000 && release.getCount() > 0; i++) {
          out.write(chunk);
        }
      });
      long t0 = System.nanoTime();
      Report r = new Validator().run(options(huge.url("/v2")).withMaxAnswerBytes(1024 * 1024));
      Duration took = Duration.ofNanos(System.nanoTime() - t0);

      assertThat(took).isLessThan(Duration.ofSeconds(20));
      assertThat(rules(r)).containsExactly("answer-size");
      assertThat(r.calls()).isEqualTo(2);
    } finally {
      release.countDown();
    }
  }

  @Test
  void reportsAreWrittenForPeopleProgramsAndCi() {
    try (TestEndpoint endpoint = new TestEndpoint(Set.of(TestEndpoint.Defect.HTML_ERRORS,
        TestEndpoint.Defect.NUMBERS_FOR_IDS))) {
      Report r = new Validator().run(options(endpoint.url()));

      String text = ReportWriter.text(r);
      assertThat(text).contains("ERROR    error-document (GEOREPORT.md section 6)")
          .contains("WARNING  ids-as-strings (GEOREPORT.md section 8.1)")
          .contains("evidence: " + endpoint.url()).contains("(failed)");
      String json = ReportWriter.json(r);
      assertThat(json).startsWith("{\"target\":\"" + endpoint.url() + "\"").contains("\"passed\":false")
          .contains("\"rule\":\"error-document\"").contains("\"severity\":\"warning\"");
      String junit = ReportWriter.junit(r);
      assertThat(junit).startsWith("<?xml").contains("<testsuite name=\"open311-validate\"")
          .contains("<testcase classname=\"open311.section-6\" name=\"error-document\">")
          .contains("<failure message=").contains("&lt;!DOCTYPE html&gt;");
    }
  }

  @Test
  void oddAnswersEverywhereGiveFindingsNotACrash() {
    String services = "<?xml version=\"1.0\" encoding=\"utf-8\"?><services><service><service_code>A</service_code>"
        + "<service_name>A</service_name><description/><metadata>true</metadata><type>realtime</type>"
        + "<keywords/><group/></service></services>";
    try (FakeServer odd = new FakeServer()) {
      odd.on("/v2/services.xml", c -> c.answer(200, "text/xml; charset=utf-8", services));
      odd.on("/v2/services/A.xml", c -> c.answer(200, "text/xml", "<!DOCTYPE x [<!ENTITY e \"e\">]><x>&e;</x>"));
      odd.on("/v2/services.json", c -> c.answer(200, "application/json", "null"));
      odd.on("/v2/requests.xml", c -> c.answer(200, "text/xml", "<service_requests><request>"
          + "<service_request_id>1</service_request_id><status>open</status><service_code>A</service_code>"
          + "<requested_datetime>2024-01-01T00:00:00Z</requested_datetime><lat>500</lat><long>-1e400</long>"
          + "</request></service_requests>"));
      odd.on("/v2/requests/1.xml", c -> c.answer(302, null, new byte[0], "Location", c.path()));
      odd.otherwise(c -> c.answer(500, null, new byte[0]));

      Report r = new Validator().run(options(odd.url("/v2")).withPost("A"));

      assertThat(r.failure()).as(ReportWriter.text(r)).isNull();
      assertThat(r.passed()).isFalse();
      assertThat(rules(r)).contains("document-shape", "error-document", "formats-agree", "post-read-back");
    }
  }
}
