package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.civic311.server.testing.Http;
import org.civic311.server.testing.RunningServer;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** Every call is in the access log, with what an operator needs and no secret. */
class AccessLogHttpTest {
  static final String API = Http.API;

  @RegisterExtension
  static final RunningServer server = new RunningServer(TestConfig.city());

  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  private final Logger access = (Logger) LoggerFactory.getLogger("civic311.access");

  @BeforeEach
  void listen() {
    lines.start();
    access.addAppender(lines);
  }

  @AfterEach
  void stop() {
    access.detachAppender(lines);
  }

  private List<String> logged() throws InterruptedException {
    Thread.sleep(200); // the line is written once the answer is sent
    return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  @Test
  void aWriteIsLoggedWithItsStatusTimeAndKeyLabelButNotTheKey() throws Exception {
    server.http().postForm(API + "/requests.json?api_key=" + TestConfig.KEY, Http.form("service_code", "POT",
        "address_string", "1 Log St"));
    server.http().postForm(API + "/requests.json", Http.form("api_key", "not-a-key", "service_code", "POT",
        "address_string", "1 Log St"));
    List<String> all = logged();
    assertThat(all).anySatisfy(l -> assertThat(l)
        .matches("127\\.0\\.0\\.1 \"POST /open311/v2/requests\\.json\\?api_key=\\*\\*\\*\" 200 \\d+ \\d+ms key=tests"));
    assertThat(all).anySatisfy(l -> assertThat(l).contains("\" 403 ").endsWith("key=(refused)"));
    assertThat(String.join("\n", all)).doesNotContain(TestConfig.KEY).doesNotContain("not-a-key");
  }

  @Test
  void everyFamilyIsLoggedAndASecretPathOnlyByItsPattern() throws Exception {
    server.http().get("/browse");
    server.http().send(java.net.http.HttpRequest.newBuilder(server.http().uri("/unsubscribe/0123456789abcdef")).GET());
    server.http().send(java.net.http.HttpRequest.newBuilder(server.http().uri("/staff/")).GET());
    server.http().send(java.net.http.HttpRequest.newBuilder(server.http().uri("/robots.txt")).GET());
    List<String> all = logged();
    assertThat(all).anySatisfy(l -> assertThat(l).contains("\"GET /browse\" 200"));
    assertThat(all).anySatisfy(l -> assertThat(l).contains("\"GET /unsubscribe/{token}\" 404"));
    assertThat(all).anySatisfy(l -> assertThat(l).contains("\"GET /staff/\" 303"));
    assertThat(all).anySatisfy(l -> assertThat(l).contains("\"GET /robots.txt\" 200"));
    assertThat(String.join("\n", all)).doesNotContain("0123456789abcdef");
  }

  @Test
  void controlCharactersOfAClientNeverSplitALine() throws Exception {
    server.http().send(java.net.http.HttpRequest.newBuilder(server.http().uri(API + "/services.json?x=%0d%0aFAKE"))
        .GET());
    assertThat(logged()).noneSatisfy(l -> assertThat(l).contains("\n"));
  }
}
