package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.net.http.HttpRequest;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.Http;
import org.civic311.server.testing.LogLines;
import org.civic311.server.testing.RunningServer;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every answer names its call's request id, and the call's log lines carry it. */
class RequestIdHttpTest {
  static final String API = Http.API;
  private static final String GENERATED = "[0-9a-f]{16}";

  @RegisterExtension
  static final RunningServer server = new RunningServer(TestConfig.city());

  private static Answer call(String method, String path, String requestId) {
    HttpRequest.Builder b = HttpRequest.newBuilder(server.http().uri(path))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (requestId != null) {
      b.header("X-Request-Id", requestId);
    }
    return server.http().send(b);
  }

  private static String idOf(Answer a) {
    return a.headers().firstValue("X-Request-Id").orElse(null);
  }

  @Test
  void aPlainIncomingIdIsKept() {
    assertThat(idOf(call("GET", API + "/services.json", "edge-7f3a.b_9"))).isEqualTo("edge-7f3a.b_9");
  }

  @Test
  void withoutAnIdOneIsMadeAndEachCallGetsItsOwn() {
    String first = idOf(call("GET", API + "/services.json", null));
    String second = idOf(call("GET", API + "/services.json", null));
    assertThat(first).matches(GENERATED);
    assertThat(second).matches(GENERATED).isNotEqualTo(first);
  }

  @Test
  void anIdThatIsLongOrHasOtherCharactersIsReplaced() {
    assertThat(idOf(call("GET", API + "/services.json", "x".repeat(65)))).matches(GENERATED);
    assertThat(idOf(call("GET", API + "/services.json", "a b"))).matches(GENERATED);
    assertThat(idOf(call("GET", API + "/services.json", "id\"><script>"))).matches(GENERATED);
    assertThat(idOf(call("GET", API + "/services.json", "é-id"))).matches(GENERATED);
  }

  @Test
  void everyFamilyAndEveryErrorAnswersWithTheId() {
    String[][] calls = {
        {"GET", API + "/nothing.json"}, {"DELETE", API + "/services.json"}, {"POST", API + "/requests.json"},
        {"GET", "/staff/"}, {"GET", "/browse"}, {"GET", "/no-such-page"}, {"GET", "/media/nothing.jpg"},
        {"GET", "/feeds/requests.atom"}, {"GET", "/data.json"}, {"GET", "/health/ready"}, {"GET", "/metrics"},
        {"OPTIONS", API + "/services.json"}};
    for (String[] c : calls) {
      Answer a = call(c[0], c[1], "check-" + c[0] + "-" + c[1].length());
      assertThat(idOf(a)).as(c[0] + " " + c[1] + " answered " + a.status())
          .isEqualTo("check-" + c[0] + "-" + c[1].length());
    }
  }

  @Test
  void theAccessLogLineOfACallCarriesItsId() throws Exception {
    try (LogLines log = LogLines.attach()) {
      call("GET", API + "/services.json", "line-check-1");
      call("GET", API + "/nothing.json", "line-check-2");
      log.settle();
      assertThat(log.events()).anySatisfy(e -> {
        assertThat(e.getLoggerName()).isEqualTo("civic311.access");
        assertThat(e.getMDCPropertyMap()).containsEntry("request_id", "line-check-1");
        assertThat(e.getFormattedMessage()).contains("\"GET /open311/v2/services.json\" 200");
      });
      assertThat(log.events()).anySatisfy(e -> {
        assertThat(e.getMDCPropertyMap()).containsEntry("request_id", "line-check-2");
        assertThat(e.getFormattedMessage()).contains("\" 404 ");
      });
      // The id is the call's alone: no line of another call carries it.
      assertThat(log.events().stream().filter(e -> "line-check-1".equals(e.getMDCPropertyMap().get("request_id")))
          .map(ILoggingEvent::getFormattedMessage)).allMatch(m -> m.contains("services.json"));
    }
  }
}
