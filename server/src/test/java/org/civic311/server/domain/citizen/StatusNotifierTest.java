package org.civic311.server.domain.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.civic311.georeport.ExtendedStatus;
import org.civic311.georeport.ServiceType;
import org.civic311.georeport.Status;
import org.civic311.server.domain.citizen.StatusNotifier.Outcome;
import org.civic311.server.domain.citizen.StatusNotifier.Pass;
import org.civic311.server.storage.FollowerStore;
import org.civic311.server.storage.JurisdictionRecord;
import org.civic311.server.storage.NewRequest;
import org.civic311.server.storage.NewUpdate;
import org.civic311.server.storage.RequestChange;
import org.civic311.server.storage.ServiceRecord;
import org.civic311.server.storage.sql.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notifier on a real SQLite file: requests, updates, followers and the cursor are stored as
 * the server stores them. Only the mailer is made up, to see the mails and to fail on demand.
 */
class StatusNotifierTest {
  static final String CITY = "city.example.org";
  /** When the updates are recorded. */
  static final long NOW = 1_700_000_000_000L;
  /** When the notifier runs, unless a test says otherwise: the updates have settled. */
  static final long LATER = NOW + StatusNotifier.SETTLE_MILLIS + 1;

  @TempDir
  Path folder;
  Database database;
  long pothole;
  long hidden;
  int tokens;

  final List<Mail> sent = Collections.synchronizedList(new ArrayList<>());
  /** Fails the send of a mail to this address, once. */
  String failFor;
  boolean failPermanently;
  final Mailer mailer = mail -> {
    if (mail.to().equals(failFor)) {
      failFor = null;
      throw new Mailer.MailFailure("server says no", null, failPermanently);
    }
    sent.add(mail);
  };

  @BeforeEach
  void openCity() {
    database = open();
    database.migrate();
    database.catalogue().synchronize(new JurisdictionRecord(CITY, "City", "UTC", 0), List.of(new ServiceRecord("POT",
        "Pothole", null, ServiceType.REALTIME, null, null, null, null, List.of(), false)), NOW);
    pothole = request();
    hidden = request();
    assertThat(database.casework().change(CITY, hidden, RequestChange.none(NOW).hidden("abusive"))).isTrue();
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }

  @Test
  void eachStatusChangeIsMailedToEachActiveFollowerOnce() {
    follow(pothole, "ann@example.org", "en");
    follow(pothole, "ANN@example.org", "en");
    follow(pothole, "bob@example.org", "es");
    String gone = follow(pothole, "gone@example.org", "en");
    database.followers().unsubscribe(gone, NOW);
    update(pothole, "in_progress", null);
    long last = update(pothole, "fixed", "Done");
    StatusNotifier notifier = notifier(database, LATER);

    Pass p = notifier.pass();

    assertThat(p).isEqualTo(new Pass(Outcome.SENT, 2, 4, 0, 0, null));
    assertThat(sent).extracting(Mail::to)
        .containsExactly("ann@example.org", "bob@example.org", "ann@example.org", "bob@example.org");
    assertThat(cursor()).isEqualTo(last);
    assertThat(notifier.pass().outcome()).isEqualTo(Outcome.IDLE);
    assertThat(sent).hasSize(4);
  }

  @Test
  void notesWithoutAStatusAndHiddenRequestsSendNothing() {
    follow(pothole, "ann@example.org", "en");
    follow(hidden, "ann@example.org", "en");
    update(pothole, "unchanged", "Still looking");
    long last = update(hidden, "fixed", null);

    assertThat(notifier(database, LATER).pass()).isEqualTo(new Pass(Outcome.SENT, 2, 0, 0, 0, null));
    assertThat(sent).isEmpty();
    assertThat(cursor()).isEqualTo(last);
  }

  @Test
  void anUpdateWaitsUntilItHasSettled() {
    follow(pothole, "ann@example.org", "en");
    long id = update(pothole, "fixed", null);

    assertThat(notifier(database, NOW + 1_000).pass()).isEqualTo(new Pass(Outcome.IDLE, 0, 0, 0, 0, null));
    assertThat(cursor()).isZero();
    assertThat(notifier(database, LATER).pass()).isEqualTo(new Pass(Outcome.SENT, 1, 1, 0, 0, null));
    assertThat(cursor()).isEqualTo(id);
  }

  @Test
  void aYoungUpdateHoldsBackTheSettledOnesAfterIt() {
    follow(pothole, "ann@example.org", "en");
    // A lower id recorded later, as when one node's transaction commits after another's.
    update(pothole, "in_progress", null, NOW + 1_000);
    long last = update(pothole, "fixed", null, NOW);

    assertThat(notifier(database, LATER).pass().outcome()).as("the cursor must not pass the young one")
        .isEqualTo(Outcome.IDLE);
    assertThat(cursor()).isZero();
    assertThat(notifier(database, LATER + 1_000).pass()).isEqualTo(new Pass(Outcome.SENT, 2, 2, 0, 0, null));
    assertThat(sent).extracting(Mail::subject)
        .containsExactly("Request " + pothole + " (Pothole): in progress", "Request " + pothole + " (Pothole): fixed");
    assertThat(cursor()).isEqualTo(last);
  }

  @Test
  void aBatchAnotherNodeClaimedFirstIsDroppedUnsent() {
    follow(pothole, "ann@example.org", "en");
    long id = update(pothole, "fixed", null);
    try (Database second = open()) {
      StatusNotifier other = notifier(second, LATER);
      List<Pass> otherPasses = new ArrayList<>();
      StatusNotifier first = new StatusNotifier(
          claimingAfter(database.followers(), () -> otherPasses.add(other.pass())), database.requests(),
          new StatusMails("https://311.example.org"), mailer, clock(LATER));

      assertThat(first.pass().outcome()).isEqualTo(Outcome.TAKEN_BY_ANOTHER_NODE);
      assertThat(otherPasses).extracting(Pass::outcome).containsExactly(Outcome.SENT);
      assertThat(sent).extracting(Mail::to).containsExactly("ann@example.org");
      assertThat(cursor()).isEqualTo(id);
    }
  }

  @Test
  void twoNodesRunningTogetherMailEachChangeOnce() throws Exception {
    follow(pothole, "ann@example.org", "en");
    int changes = StatusNotifier.BATCH * 2 + 5;
    long last = 0;
    for (int i = 1; i <= changes; i++) {
      last = update(pothole, "in_progress", "Step " + i + ".");
    }
    long end = last;
    try (Database second = open()) {
      List<CompletableFuture<Void>> nodes = new ArrayList<>();
      for (Database node : List.of(database, second)) {
        StatusNotifier notifier = notifier(node, LATER);
        nodes.add(CompletableFuture.runAsync(() -> {
          while (node.followers().cursor(StatusNotifier.JOB) < end) {
            notifier.catchUp();
          }
        }));
      }
      CompletableFuture.allOf(nodes.toArray(CompletableFuture[]::new)).get();
    }
    List<String> steps = new ArrayList<>();
    for (int i = 1; i <= changes; i++) {
      steps.add("Step " + i + ".");
    }
    assertThat(sent).hasSize(changes);
    assertThat(sent).extracting(m -> m.text().lines().filter(l -> l.startsWith("Step ")).findFirst().orElse(""))
        .containsExactlyInAnyOrderElementsOf(steps);
  }

  @Test
  void whenTheMailerFailsTheRestIsRetriedOnTheNextPass() {
    follow(pothole, "ann@example.org", "en");
    follow(pothole, "bob@example.org", "en");
    long first = update(pothole, "in_progress", null);
    long last = update(pothole, "fixed", null);
    failFor = "bob@example.org";
    StatusNotifier notifier = notifier(database, LATER);

    Pass failed = notifier.pass();

    assertThat(failed).isEqualTo(new Pass(Outcome.MAILER_FAILED, 2, 1, 0, 0, "server says no"));
    assertThat(cursor()).as("back to before the update that failed").isEqualTo(first - 1);
    Pass retried = notifier.pass();
    assertThat(retried).isEqualTo(new Pass(Outcome.SENT, 2, 4, 0, 0, null));
    String request = "Request " + pothole + " (Pothole): ";
    assertThat(sent).extracting(m -> m.to() + " " + m.subject()).containsExactly(
        "ann@example.org " + request + "in progress",
        "ann@example.org " + request + "in progress",
        "bob@example.org " + request + "in progress",
        "ann@example.org " + request + "fixed",
        "bob@example.org " + request + "fixed");
    assertThat(cursor()).isEqualTo(last);
  }

  @Test
  void aMailRefusedForGoodIsSkippedAndTheOthersGo() {
    follow(pothole, "bad@example.org", "en");
    follow(pothole, "bob@example.org", "en");
    long id = update(pothole, "fixed", null);
    failFor = "bad@example.org";
    failPermanently = true;

    assertThat(notifier(database, LATER).pass()).isEqualTo(new Pass(Outcome.SENT, 1, 1, 1, 0, null));
    assertThat(sent).extracting(Mail::to).containsExactly("bob@example.org");
    assertThat(cursor()).isEqualTo(id);
  }

  @Test
  void catchingUpTakesBatchAfterBatch() {
    follow(pothole, "ann@example.org", "en");
    for (int i = 1; i <= StatusNotifier.BATCH * 2 + 5; i++) {
      update(pothole, "in_progress", null);
    }
    List<Pass> passes = notifier(database, LATER).catchUp();
    assertThat(passes).extracting(Pass::updates).containsExactly(StatusNotifier.BATCH, StatusNotifier.BATCH, 5);
    assertThat(sent).hasSize(StatusNotifier.BATCH * 2 + 5);
  }

  /** Another handle on the same file: what a second node would have. */
  private Database open() {
    return Database.open("jdbc:sqlite:" + folder.resolve("civic311.db"), null, null);
  }

  private StatusNotifier notifier(Database node, long at) {
    return new StatusNotifier(node.followers(), node.requests(), new StatusMails("https://311.example.org"), mailer,
        clock(at));
  }

  private static Clock clock(long at) {
    return Clock.fixed(Instant.ofEpochMilli(at), ZoneOffset.UTC);
  }

  private long cursor() {
    return database.followers().cursor(StatusNotifier.JOB);
  }

  private long request() {
    return database.requests().insert(new NewRequest(CITY, "POT", "Pothole", "Deep hole outside number 12", null,
        null, NOW, null, "12 Test Lane", null, null, 38.9, -77.0, null, null, Map.of(), null,
        new NewRequest.Reporter(null, null, null, null, null, null), "web", List.of())).id();
  }

  /** Stores a follower straight away, as a second follow of one address could; returns its token. */
  private String follow(long request, String email, String locale) {
    String token = "t-" + ++tokens + "-abcdefghijklmnopqrstuvwxyz";
    database.followers().add(request, email, locale, token, NOW);
    return token;
  }

  private long update(long request, String status, String note) {
    return update(request, status, note, NOW);
  }

  private long update(long request, String status, String note, long recordedAt) {
    String core = ExtendedStatus.parse(status).flatMap(ExtendedStatus::core).map(Status::wireName).orElse(null);
    return database.updates().insert(new NewUpdate(CITY, request, null, status, core, note, NOW, recordedAt, null,
        null, List.of())).update().orElseThrow().id();
  }

  /**
   * The store of a node that another node overtakes: {@code rival} runs just before this node's
   * first claim, between its reading the batch and moving the cursor.
   */
  private static FollowerStore claimingAfter(FollowerStore store, Runnable rival) {
    AtomicBoolean ran = new AtomicBoolean();
    return (FollowerStore) Proxy.newProxyInstance(FollowerStore.class.getClassLoader(),
        new Class<?>[] {FollowerStore.class}, (proxy, method, args) -> {
          if (method.getName().equals("advance") && ran.compareAndSet(false, true)) {
            rival.run();
          }
          try {
            return method.invoke(store, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
