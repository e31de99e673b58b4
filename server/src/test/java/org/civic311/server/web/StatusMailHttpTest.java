package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.server.testing.Http.form;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.civic311.server.app.Application;
import org.civic311.server.config.ConfigurationLoader;
import org.civic311.server.domain.citizen.Followers;
import org.civic311.server.storage.FollowerRecord;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.Http;
import org.civic311.server.testing.RunningServer;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Followers hear of status changes by mail: a status posted through the API reaches the outbox
 * folder (the default without an SMTP server) as an RFC 822 file, within a poll or two once the
 * update has settled (two seconds; see {@code StatusNotifier}).
 */
class StatusMailHttpTest {
  static final String API = Http.API;
  static final Path OUTBOX;

  static {
    try {
      OUTBOX = Files.createTempDirectory("civic311-outbox-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @RegisterExtension
  static final RunningServer server = new RunningServer(TestConfig.city().outbox(OUTBOX));
  static final AtomicInteger UPDATES = new AtomicInteger();

  @AfterAll
  static void removeOutbox() throws IOException {
    try (Stream<Path> files = Files.walk(OUTBOX)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  record Received(Path file, String raw, MimeMessage message) {
    String to() throws Exception {
      return message.getRecipients(MimeMessage.RecipientType.TO)[0].toString();
    }

    String body() throws Exception {
      return (String) message.getContent();
    }
  }

  static Followers followers() {
    return server.fixture().app().followers();
  }

  static long newRequest() {
    Answer a = server.http().postForm(API + "/requests.json", form("api_key", TestConfig.KEY, "service_code", "POT",
        "lat", "40.1", "long", "-74.2", "description", "Deep hole, call Zed on 555-0123", "email",
        "reporter.secret@example.net", "first_name", "Zedprobe"));
    assertThat(a.status()).as(a.text()).isEqualTo(200);
    return Long.parseLong(a.json().get(0).get("service_request_id").asText());
  }

  static void postStatus(long id, String status, String note) {
    Answer a = server.http().postForm(API + "/servicerequestupdates.json", form("api_key", TestConfig.KEY,
        "service_request_id", Long.toString(id), "update_id", "M-" + UPDATES.incrementAndGet(), "status", status,
        "updated_datetime", "2026-03-01T10:00:00Z", "description", note));
    assertThat(a.status()).as(a.text()).isEqualTo(200);
  }

  static List<Received> mailsTo(String address) throws Exception {
    List<Received> out = new ArrayList<>();
    Session session = Session.getInstance(new Properties());
    try (Stream<Path> files = Files.list(OUTBOX)) {
      for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".eml")).sorted().toList()) {
        byte[] bytes = Files.readAllBytes(f);
        MimeMessage m;
        try (InputStream in = Files.newInputStream(f)) {
          m = new MimeMessage(session, in);
        }
        Received r = new Received(f, new String(bytes, StandardCharsets.UTF_8), m);
        if (r.to().equalsIgnoreCase(address)) {
          out.add(r);
        }
      }
    }
    return out;
  }

  /** Waits up to fifteen seconds (the settling delay, polls, a slow machine) for {@code count} mails. */
  static List<Received> awaitMails(String address, int count) throws Exception {
    long deadline = System.nanoTime() + 15_000_000_000L;
    List<Received> found = mailsTo(address);
    while (found.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(100);
      found = mailsTo(address);
    }
    assertThat(found).as("mails to " + address).hasSize(count);
    return found;
  }

  /**
   * Posts a status change for a marker follower and waits for its mail: the notifier works in
   * update order, so everything posted before has then been dealt with.
   */
  static void awaitNotifierPast(String marker) throws Exception {
    long id = newRequest();
    followers().follow(id, marker, "en");
    postStatus(id, "IN_PROGRESS", "");
    awaitMails(marker, 1);
  }

  @Test
  void aStatusChangeMailsTheFollowerWithTrackingAndUnsubscribeLinks() throws Exception {
    long id = newRequest();
    FollowerRecord ann = followers().follow(id, "ann.fixed@example.org", "en");
    postStatus(id, "FIXED", "Filled with asphalt.");

    Received mail = awaitMails("ann.fixed@example.org", 1).get(0);
    String base = "http://localhost:" + server.http().port();
    MimeMessage m = mail.message();
    assertThat(m.getFrom()[0].toString()).isEqualTo("City 311 <311@city.example.org>");
    assertThat(m.getSubject()).isEqualTo("Request " + id + " (Pothole): fixed");
    assertThat(m.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("charset=UTF-8");
    assertThat(m.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
    assertThat(m.getHeader("List-Unsubscribe", null)).isEqualTo("<" + base + "/unsubscribe/" + ann.token() + ">");
    assertThat(mail.body()).contains("Request " + id + " (Pothole) has a new status: fixed.")
        .contains("Filled with asphalt.")
        .contains(base + "/requests/" + id)
        .contains(base + "/unsubscribe/" + ann.token());
    assertThat(mail.raw()).doesNotContain("reporter.secret@example.net", "Zedprobe", "555-0123", "Deep hole");
    assertThat(mail.file().getFileName().toString()).matches("\\d{8}T\\d{6}\\.\\d{3}Z-[0-9a-f]{8}\\.eml");
  }

  @Test
  void aSpanishFollowerGetsAReadableUtf8MailInSpanish() throws Exception {
    long id = newRequest();
    followers().follow(id, "bea.es@example.org", "es-419");
    postStatus(id, "ACTION_SCHEDULED", "Iremos el miércoles.");

    Received mail = awaitMails("bea.es@example.org", 1).get(0);
    assertThat(mail.message().getSubject()).isEqualTo("Solicitud " + id + " (Pothole): actuación programada");
    assertThat(mail.body()).contains("Nuevo estado de la solicitud " + id).contains("Iremos el miércoles.");
    assertThat(mail.raw()).as("the body is 8-bit UTF-8, readable as a file").contains("Iremos el miércoles.");
  }

  @Test
  void aNoteWithoutAStatusChangeSendsNothing() throws Exception {
    long id = newRequest();
    followers().follow(id, "carl.note@example.org", "en");
    postStatus(id, "UNCHANGED", "We are still looking into it.");

    awaitNotifierPast("marker.note@example.org");
    assertThat(mailsTo("carl.note@example.org")).isEmpty();
  }

  @Test
  void anUnsubscribedFollowerGetsNothing() throws Exception {
    long id = newRequest();
    FollowerRecord dee = followers().follow(id, "dee.gone@example.org", "en");
    followers().follow(id, "eve.stays@example.org", "en");
    assertThat(followers().unsubscribe(dee.token())).isTrue();
    postStatus(id, "CLOSED", "");

    awaitMails("eve.stays@example.org", 1);
    assertThat(mailsTo("dee.gone@example.org")).isEmpty();
    assertThat(followers().find(dee.token())).get().extracting(FollowerRecord::unsubscribedAt).isNotNull();
  }

  @Test
  void twoNodesOnOneDatabaseMailEachChangeOnce() throws Exception {
    var config = ConfigurationLoader.validate(
        TestConfig.city().outbox(OUTBOX).build(server.database().settings()), "second node");
    try (Application second = Application.start(config, "127.0.0.1")) {
      long id = newRequest();
      followers().follow(id, "finn.twice@example.org", "en");
      for (String status : List.of("IN_PROGRESS", "ACTION_SCHEDULED", "FIXED")) {
        postStatus(id, status, "");
        Thread.sleep(700);
      }
      awaitMails("finn.twice@example.org", 3);
      // Both nodes poll every second: give them several more passes to send anything twice.
      Thread.sleep(3_000);
      List<Received> mails = awaitMails("finn.twice@example.org", 3);
      List<String> subjects = new ArrayList<>();
      for (Received r : mails) {
        subjects.add(r.message().getSubject());
      }
      assertThat(subjects).containsExactlyInAnyOrder("Request " + id + " (Pothole): in progress",
          "Request " + id + " (Pothole): action scheduled", "Request " + id + " (Pothole): fixed");
      assertThat(second.port()).isNotEqualTo(server.http().port());
    }
  }
}
