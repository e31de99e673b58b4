package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.server.testing.Http.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.Http;
import org.civic311.server.testing.RunningServer;
import org.civic311.server.testing.StaffAccounts;
import org.civic311.server.testing.StaffClient;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Phone numbers and email addresses typed into a description, an address or a status note are
 * masked in every public output (the API in both formats, the public pages, the status mails) and
 * shown as typed to staff. The rule itself is tested case by case in {@code PersonalDataTest}.
 */
class TypedPersonalDataHttpTest {
  static final String API = Http.API;
  static final Path OUTBOX = temporaryFolder();
  @RegisterExtension
  static final RunningServer server = new RunningServer(TestConfig.city().outbox(OUTBOX));

  static final String DESCRIPTION = "Deep hole. Call me at 202-555-0143 or john.doe@example.com";
  static final String DESCRIPTION_SHOWN = "Deep hole. Call me at [phone removed] or [email removed]";
  static final String ADDRESS = "1600 Pennsylvania Ave NW (ask for Ann, ann.lee@example.org)";
  static final String ADDRESS_SHOWN = "1600 Pennsylvania Ave NW (ask for Ann, [email removed])";
  static final String NOTE = "Spoke to the resident on 07700 900123; WO-2026-000123 booked for 28.11.2026";
  static final String NOTE_SHOWN = "Spoke to the resident on [phone removed]; WO-2026-000123 booked for 28.11.2026";
  /** What must never reach the public, whatever the page or format. */
  static final List<String> TYPED = List.of("202-555-0143", "john.doe@example.com", "ann.lee@example.org",
      "07700 900123");
  static final String FOLLOWER = "neighbour.typed@example.org";

  static long id;
  static StaffClient staff;

  @BeforeAll
  static void reportFollowAndUpdate() {
    Answer a = server.http().postForm(API + "/requests.json", form("api_key", TestConfig.KEY, "service_code", "POT",
        "lat", "41.25", "long", "-73.75", "description", DESCRIPTION, "address_string", ADDRESS));
    assertThat(a.status()).as(a.text()).isEqualTo(200);
    id = a.json().get(0).get("service_request_id").asLong();
    server.fixture().app().followers().follow(id, FOLLOWER, "en");
    String now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
    Answer u = server.http().postForm(API + "/servicerequestupdates.json", form("api_key", TestConfig.KEY,
        "service_request_id", Long.toString(id), "update_id", "TYPED-1", "status", "ACTION_SCHEDULED",
        "updated_datetime", now, "description", NOTE));
    assertThat(u.status()).as(u.text()).isEqualTo(200);
    StaffAccounts.create(server.fixture(), "clerk", "administrator");
    staff = StaffClient.signIn(server.http(), "clerk", StaffAccounts.PASSWORD);
  }

  @AfterAll
  static void removeOutbox() throws IOException {
    try (Stream<Path> files = Files.walk(OUTBOX)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  static void assertMasked(String what, String text) {
    assertThat(text).as(what).doesNotContain(TYPED);
  }

  @Test
  void theApiInJsonMasksDescriptionAddressStatusNotesAndHistory() {
    for (String path : List.of("/requests.json", "/requests.json?service_request_id=" + id,
        "/requests/" + id + ".json?extensions=true")) {
      Answer a = server.http().get(API + path);
      assertMasked(path, a.text());
      JsonNode r = a.json().get(0);
      assertThat(r.get("service_request_id").asLong()).as(path).isEqualTo(id);
      assertThat(r.get("description").asText()).as(path).isEqualTo(DESCRIPTION_SHOWN);
      assertThat(r.get("address").asText()).as(path).isEqualTo(ADDRESS_SHOWN);
      assertThat(r.get("status_notes").asText()).as(path).isEqualTo(NOTE_SHOWN);
    }
    JsonNode notes = server.http().get(API + "/requests/" + id + ".json?extensions=true").json().get(0).get("notes");
    assertThat(notes.get(0).get("description").asText()).isEqualTo(NOTE_SHOWN);
    Answer updates = server.http().get(API + "/servicerequestupdates.json?service_request_id=" + id);
    assertMasked("updates", updates.text());
    assertThat(updates.json().get(0).get("description").asText()).isEqualTo(NOTE_SHOWN);
  }

  @Test
  void theApiInXmlMasksDescriptionAddressStatusNotesAndHistory() {
    for (String path : List.of("/requests.xml", "/requests.xml?service_request_id=" + id,
        "/requests/" + id + ".xml?extensions=true")) {
      String xml = server.http().get(API + path).text();
      assertMasked(path, xml);
      assertThat(xml).as(path).contains("<description>" + DESCRIPTION_SHOWN + "</description>")
          .contains("<address>" + ADDRESS_SHOWN + "</address>")
          .contains("<status_notes>" + NOTE_SHOWN + "</status_notes>");
    }
    assertThat(server.http().get(API + "/requests/" + id + ".xml?extensions=true").text())
        .contains("<description>" + NOTE_SHOWN + "</description>");
    String updates = server.http().get(API + "/servicerequestupdates.xml?service_request_id=" + id).text();
    assertMasked("updates", updates);
    assertThat(updates).contains("<description>" + NOTE_SHOWN + "</description>");
  }

  @Test
  void thePublicPagesMaskTheTrackBrowseAndNearbyViews() {
    String track = server.http().get("/requests/" + id).text();
    assertMasked("track page", track);
    assertThat(track).contains(DESCRIPTION_SHOWN).contains(ADDRESS_SHOWN).contains(NOTE_SHOWN);

    String browse = server.http().get("/browse").text();
    assertMasked("browse page", browse);
    assertThat(browse).contains(DESCRIPTION_SHOWN).contains(ADDRESS_SHOWN);

    Answer nearby = server.http().send(HttpRequest.newBuilder(server.http().uri("/report/POT"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", "10.9.9.9")
        .POST(HttpRequest.BodyPublishers.ofString(form("lat", "41.2501", "long", "-73.7501", "description",
            "Another hole"))));
    assertThat(nearby.status()).isEqualTo(200);
    assertMasked("nearby requests", nearby.text());
    assertThat(nearby.text()).contains("Is it one of these?").contains(DESCRIPTION_SHOWN);
  }

  @Test
  void theFollowerMailMasksTheNote() throws Exception {
    String mail = awaitMailTo(FOLLOWER);
    assertMasked("mail", mail);
    assertThat(mail).contains(NOTE_SHOWN);
  }

  @Test
  void staffSeeWhatWasTyped() {
    String page = staff.get("/staff/requests/" + TestConfig.CITY + "/" + id).text();
    assertThat(page).contains(DESCRIPTION).contains(ADDRESS).contains(NOTE);
  }

  /** Waits up to fifteen seconds: updates settle for two seconds, and the outbox is polled every second. */
  static String awaitMailTo(String address) throws Exception {
    long deadline = System.nanoTime() + 15_000_000_000L;
    while (true) {
      Optional<String> found = mailTo(address);
      if (found.isPresent() || System.nanoTime() > deadline) {
        assertThat(found).as("a mail to " + address).isPresent();
        return found.get();
      }
      Thread.sleep(100);
    }
  }

  /** The outbox writes UTF-8 bodies as they are (8bit), so the file can be read as text. */
  static Optional<String> mailTo(String address) throws IOException {
    if (!Files.isDirectory(OUTBOX)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(OUTBOX)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".eml")).toList()) {
        String raw = Files.readString(f, StandardCharsets.UTF_8);
        if (raw.contains("To: " + address)) {
          return Optional.of(raw);
        }
      }
    }
    return Optional.empty();
  }

  static Path temporaryFolder() {
    try {
      return Files.createTempDirectory("civic311-typed-outbox");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
