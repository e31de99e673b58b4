package org.civic311.server.domain.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civic311.server.domain.citizen.StatusNotifier.Outcome;
import org.civic311.server.domain.citizen.StatusNotifier.Pass;
import org.civic311.server.storage.RequestQuery;
import org.civic311.server.storage.RequestRecord;
import org.civic311.server.storage.RequestStore;
import org.junit.jupiter.api.Test;

class StatusNotifierTest {
  final FakeFollowerStore store = new FakeFollowerStore();
  final Map<Long, RequestRecord> requests = new HashMap<>();
  final List<Mail> sent = new ArrayList<>();
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
  final StatusNotifier notifier =
      new StatusNotifier(store, new Requests(), new StatusMails("https://311.example.org"), mailer);

  StatusNotifierTest() {
    requests.put(1L, Records.request(1, "Pothole", null));
    requests.put(2L, Records.request(2, "Pothole", "abusive"));
  }

  @Test
  void eachStatusChangeIsMailedToEachActiveFollowerOnce() {
    store.add(1, "ann@example.org", "en", "t-ann-abcdefghijklmnopqrstu", 0);
    store.add(1, "ANN@example.org", "en", "t-ann2-abcdefghijklmnopqrst", 0);
    store.add(1, "bob@example.org", "es", "t-bob-abcdefghijklmnopqrstu", 0);
    store.add(1, "gone@example.org", "en", "t-gone-abcdefghijklmnopqrst", 0);
    store.unsubscribe("t-gone-abcdefghijklmnopqrst", 0);
    store.updates.add(Records.update(10, 1, "in_progress", null));
    store.updates.add(Records.update(11, 1, "fixed", "Done"));

    Pass p = notifier.pass();

    assertThat(p).isEqualTo(new Pass(Outcome.SENT, 2, 4, 0, 0, null));
    assertThat(sent).extracting(Mail::to)
        .containsExactly("ann@example.org", "bob@example.org", "ann@example.org", "bob@example.org");
    assertThat(store.cursor).isEqualTo(11);
    assertThat(notifier.pass().outcome()).isEqualTo(Outcome.IDLE);
    assertThat(sent).hasSize(4);
  }

  @Test
  void notesWithoutAStatusAndHiddenRequestsSendNothing() {
    store.add(1, "ann@example.org", "en", "t-ann-abcdefghijklmnopqrstu", 0);
    store.add(2, "ann@example.org", "en", "t-ann2-abcdefghijklmnopqrst", 0);
    store.updates.add(Records.update(10, 1, "unchanged", "Still looking"));
    store.updates.add(Records.update(11, 2, "fixed", null));
    store.updates.add(Records.update(12, 99, "fixed", null));

    assertThat(notifier.pass()).isEqualTo(new Pass(Outcome.SENT, 3, 0, 0, 0, null));
    assertThat(sent).isEmpty();
    assertThat(store.cursor).isEqualTo(12);
  }

  @Test
  void aBatchAnotherNodeClaimedFirstIsDroppedUnsent() {
    store.add(1, "ann@example.org", "en", "t-ann-abcdefghijklmnopqrstu", 0);
    store.updates.add(Records.update(10, 1, "fixed", null));
    store.beforeAdvance = () -> store.cursor = 10;

    assertThat(notifier.pass().outcome()).isEqualTo(Outcome.TAKEN_BY_ANOTHER_NODE);
    assertThat(sent).isEmpty();
    assertThat(store.cursor).isEqualTo(10);
  }

  @Test
  void whenTheMailerFailsTheRestIsRetriedOnTheNextPass() {
    store.add(1, "ann@example.org", "en", "t-ann-abcdefghijklmnopqrstu", 0);
    store.add(1, "bob@example.org", "en", "t-bob-abcdefghijklmnopqrstu", 0);
    store.updates.add(Records.update(10, 1, "in_progress", null));
    store.updates.add(Records.update(11, 1, "fixed", null));
    failFor = "bob@example.org";

    Pass failed = notifier.pass();

    assertThat(failed).isEqualTo(new Pass(Outcome.MAILER_FAILED, 2, 1, 0, 0, "server says no"));
    assertThat(store.cursor).as("back to before the update that failed").isEqualTo(9);
    Pass retried = notifier.pass();
    assertThat(retried).isEqualTo(new Pass(Outcome.SENT, 2, 4, 0, 0, null));
    assertThat(sent).extracting(m -> m.to() + " " + m.subject()).containsExactly(
        "ann@example.org Request 1 (Pothole): in progress",
        "ann@example.org Request 1 (Pothole): in progress",
        "bob@example.org Request 1 (Pothole): in progress",
        "ann@example.org Request 1 (Pothole): fixed",
        "bob@example.org Request 1 (Pothole): fixed");
    assertThat(store.cursor).isEqualTo(11);
  }

  @Test
  void aMailRefusedForGoodIsSkippedAndTheOthersGo() {
    store.add(1, "bad@example.org", "en", "t-bad-abcdefghijklmnopqrstu", 0);
    store.add(1, "bob@example.org", "en", "t-bob-abcdefghijklmnopqrstu", 0);
    store.updates.add(Records.update(10, 1, "fixed", null));
    failFor = "bad@example.org";
    failPermanently = true;

    assertThat(notifier.pass()).isEqualTo(new Pass(Outcome.SENT, 1, 1, 1, 0, null));
    assertThat(sent).extracting(Mail::to).containsExactly("bob@example.org");
    assertThat(store.cursor).isEqualTo(10);
  }

  @Test
  void catchingUpTakesBatchAfterBatch() {
    store.add(1, "ann@example.org", "en", "t-ann-abcdefghijklmnopqrstu", 0);
    for (int i = 1; i <= StatusNotifier.BATCH * 2 + 5; i++) {
      store.updates.add(Records.update(i, 1, "in_progress", null));
    }
    List<Pass> passes = notifier.catchUp();
    assertThat(passes).extracting(Pass::updates).containsExactly(StatusNotifier.BATCH, StatusNotifier.BATCH, 5);
    assertThat(sent).hasSize(StatusNotifier.BATCH * 2 + 5);
  }

  private final class Requests implements RequestStore {
    @Override
    public Optional<RequestRecord> find(String jurisdictionId, long id) {
      return Optional.ofNullable(requests.get(id)).filter(r -> r.jurisdictionId().equals(jurisdictionId));
    }

    @Override
    public RequestRecord insert(org.civic311.server.storage.NewRequest request) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<RequestRecord> findAll(String jurisdictionId, List<Long> ids) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<RequestRecord> findByToken(String jurisdictionId, String token) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<RequestRecord> search(RequestQuery query) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean addSupport(String jurisdictionId, long id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Map<Long, List<Long>> duplicatesOf(List<Long> ids) {
      throw new UnsupportedOperationException();
    }
  }
}
