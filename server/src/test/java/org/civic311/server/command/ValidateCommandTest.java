package org.civic311.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import org.civic311.client.ClientConfig;
import org.civic311.client.GeoReportClient;
import org.civic311.client.NewRequest;
import org.civic311.server.testing.Commands;
import org.civic311.server.testing.RunningServer;
import org.civic311.server.testing.Seeder;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code civic311 validate} against the project's own server: no error, in either report format. */
class ValidateCommandTest {
  @RegisterExtension
  static final RunningServer SERVER = new RunningServer(TestConfig.city());

  /** Requests to filter and page: a closed pothole and two open lamps, filed through the client. */
  @BeforeAll
  static void seed() {
    GeoReportClient c = GeoReportClient.create(ClientConfig.builder().baseUrl(base()).apiKey(TestConfig.KEY)
        .jurisdiction(TestConfig.CITY).build());
    for (int i = 0; i < 2; i++) {
      c.post(NewRequest.builder("LAMP").location(40.7, -74.0).attribute("FAULT", "DARK").build());
    }
    String pot = c.post(NewRequest.builder("POT").address("1 Elm St").build()).serviceRequestId();
    try (Seeder seeder = new Seeder(SERVER.fixture())) {
      seeder.close(Long.parseLong(pot));
    }
  }

  static String base() {
    return "http://127.0.0.1:" + SERVER.http().port() + "/open311/v2";
  }

  @Test
  void ourServerPassesWithAPostAndAJsonReport() throws Exception {
    Commands.Run r = CommandsTest.run("validate", base(), "--api-key", TestConfig.KEY, "--jurisdiction",
        TestConfig.CITY, "--post", "LAMP", "--delay", "0", "--format", "json");

    JsonNode report = new ObjectMapper().readTree(r.out());
    assertThat(report.get("findings")).as(r.out()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(report.get("passed").asBoolean()).isTrue();
    assertThat(report.get("checked")).extracting(JsonNode::asText)
        .contains("content-type", "formats-agree", "filter-status", "post-reply", "post-read-back", "paging");
  }

  @Test
  void batchAndBlackboxPostsPassToo() throws Exception {
    Commands.Run batch = CommandsTest.run("validate", base(), "--api-key", TestConfig.KEY, "--jurisdiction",
        TestConfig.CITY, "--post", "BULK", "--delay", "0", "--format", "json");
    assertThat(batch.code()).as(batch.out()).isZero();
    // The token was looked up, then the request it became was read back.
    assertThat(new ObjectMapper().readTree(batch.out()).get("checked")).extracting(JsonNode::asText)
        .contains("post-reply", "post-read-back");

    Commands.Run blackbox = CommandsTest.run("validate", base(), "--api-key", TestConfig.KEY, "--jurisdiction",
        TestConfig.CITY, "--post", "TIP", "--delay", "0");
    assertThat(blackbox.code()).as(blackbox.out()).isZero();
    assertThat(blackbox.out()).contains("a notice only (a blackbox service)");
  }

  @Test
  void ourServerPassesAsTextAndJunitFromItsDiscoveryUrl() {
    Commands.Run text = CommandsTest.run("validate", base() + "/discovery.json", "--jurisdiction",
        TestConfig.CITY, "--delay", "0");
    assertThat(text.code()).as(text.out()).isZero();
    assertThat(text.out()).contains("0 errors, 0 warnings (passed)");

    Commands.Run junit = CommandsTest.run("validate", base(), "--delay", "0", "--format", "junit");
    assertThat(junit.code()).as(junit.out()).isZero();
    assertThat(junit.out()).contains("<testsuite name=\"open311-validate\"").contains("failures=\"0\"")
        .doesNotContain("<failure");
  }

  @Test
  void anUnreachableUrlIsOneLineOfFindingAndExitOne() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Commands.Run r = CommandsTest.run("validate", "http://127.0.0.1:" + port + "/open311/v2", "--delay", "0");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("ERROR    endpoint-reachable").contains("cannot connect");
    assertThat(r.err()).doesNotContain("Exception");
  }

  @Test
  void badOptionsAreRefusedWithExitTwo() {
    assertThat(CommandsTest.run("validate", "http://x", "--format", "yaml").code()).isEqualTo(2);
    assertThat(CommandsTest.run("validate", "http://x", "--max-calls", "0").code()).isEqualTo(2);
    Commands.Run notAUrl = CommandsTest.run("validate", "not a url", "--delay", "0");
    assertThat(notAUrl.code()).isEqualTo(1);
    assertThat(notAUrl.out()).contains("endpoint-reachable");
  }
}
