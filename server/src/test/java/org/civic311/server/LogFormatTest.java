package org.civic311.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped logback configuration, loaded into a context of its own: dated lines for people by
 * default, and one parseable JSON object a line when the JSON format is chosen.
 */
class LogFormatTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Configures a fresh context from logback.xml with the given format, logs a few lines, returns the output. */
  private static String logWith(String format) throws Exception {
    PrintStream before = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
    try {
      if (format != null) {
        context.putProperty("civic311.log.format", format);
      }
      JoranConfigurator joran = new JoranConfigurator();
      joran.setContext(context);
      joran.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
      context.getMDCAdapter().put("request_id", "req-42");
      context.getLogger("civic311.access").info("127.0.0.1 \"GET /x\" 200 5 1ms");
      context.getLogger("org.civic311.server.app.Application").warn("a \"quoted\" word\nand a second line");
      context.getMDCAdapter().remove("request_id");
      context.getLogger("org.civic311.server.web.FrontDoor").error("internal error", new IllegalStateException("boom"));
    } finally {
      // The access log's own thread writes its last lines before the line writer stops.
      context.getLogger("civic311.access").getAppender("ACCESS").stop();
      context.stop();
      System.setErr(before);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void textLinesStartWithADatedTimestampAndCarryTheRequestId() throws Exception {
    String out = logWith(null);
    List<String> lines = out.lines().filter(l -> l.matches("^\\d{4}-.*")).toList();
    assertThat(lines).hasSize(3);
    assertThat(lines).allMatch(l -> l.matches(
        "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2}) .*"));
    // The access log has a thread of its own, so its line may come last.
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("civic311.access [req-42] - 127.0.0.1"));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("ERROR").contains("[-] - internal error"));
    assertThat(out).contains("java.lang.IllegalStateException: boom");
  }

  @Test
  void theJsonFormatWritesOneParseableObjectALine() throws Exception {
    String out = logWith("json");
    List<JsonNode> docs = new ArrayList<>();
    for (String line : out.lines().filter(l -> !l.isBlank()).toList()) {
      docs.add(JSON.readTree(line));
    }
    assertThat(docs).hasSize(3);
    assertThat(docs).allSatisfy(d -> assertThat(d.path("timestamp").asLong()).isPositive());
    JsonNode access = byLogger(docs, "civic311.access");
    assertThat(access.path("mdc").path("request_id").asText()).isEqualTo("req-42");
    assertThat(access.path("formattedMessage").asText()).isEqualTo("127.0.0.1 \"GET /x\" 200 5 1ms");
    JsonNode warning = byLogger(docs, "org.civic311.server.app.Application");
    assertThat(warning.path("level").asText()).isEqualTo("WARN");
    assertThat(warning.path("formattedMessage").asText()).isEqualTo("a \"quoted\" word\nand a second line");
    assertThat(byLogger(docs, "org.civic311.server.web.FrontDoor").path("throwable").path("className").asText())
        .isEqualTo("java.lang.IllegalStateException");
  }

  private static JsonNode byLogger(List<JsonNode> docs, String logger) {
    return docs.stream().filter(d -> d.path("loggerName").asText().equals(logger)).findFirst().orElseThrow();
  }
}
