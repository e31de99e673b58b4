package org.civic311.client.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.civic311.client.FakeServer;
import org.junit.jupiter.api.Test;

/**
 * The validator run against the recorded real responses, replayed by a test server: each
 * recorded document at its path, every other path a 404 with Boston's recorded error document,
 * queries ignored (a replay cannot filter). The text report is written to
 * {@code target/validate-recorded-responses.txt}; docs/VALIDATE.md shows it.
 */
class RecordedResponsesReportTest {
  static byte[] recorded(String name) {
    try (InputStream in = RecordedResponsesReportTest.class.getClassLoader()
        .getResourceAsStream("real-responses/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void theRecordedResponsesAreJudged() throws IOException {
    String xml = "text/xml; charset=utf-8";
    try (FakeServer replay = new FakeServer()) {
      String base = "/open311/v2";
      replay.serve(base + "/discovery.xml", 200, xml, recorded("discovery-dc.xml"))
          .serve(base + "/discovery.json", 200, "application/json; charset=utf-8", recorded("discovery-boston.json"))
          .serve(base + "/services.xml", 200, xml, recorded("dc-services.xml"))
          .serve(base + "/services/S0301.xml", 200, xml, recorded("dc-services-S0301.xml"))
          .serve(base + "/requests.xml", 200, xml, recorded("service-requests.xml"))
          .serve(base + "/requests/638344.xml", 200, xml, recorded("service-request.xml"))
          .serve(base + "/tokens/12345.xml", 200, xml, recorded("token.xml"))
          .otherwise(c -> c.answer(404, xml, recorded("boston-err-submitrequest-base_is_duplicate.xml")));

      Report r = new Validator().run(Options.of(replay.url(base)).withDelay(Duration.ZERO));

      String text = ReportWriter.text(r).replace(replay.url(""), "http://replay");
      Path out = Path.of("target", "validate-recorded-responses.txt");
      Files.createDirectories(out.getParent());
      Files.writeString(out, text, StandardCharsets.UTF_8);

      Set<String> rules = r.findings().stream().map(f -> f.rule().id()).collect(Collectors.toSet());
      // Boston's changeset '2011-09-1 17:35' is not ISO 8601 (section 8.15).
      assertThat(rules).contains("datetimes", "default-window");
      assertThat(r.passed()).isFalse();
    }
  }
}
