package org.civic311.server.domain.citizen;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civic311.georeport.ExtendedStatus;
import org.civic311.server.storage.FollowerRecord;
import org.civic311.server.storage.FollowerStore;
import org.civic311.server.storage.RequestRecord;
import org.civic311.server.storage.RequestStore;
import org.civic311.server.storage.UpdateRecord;

/**
 * Mails followers when their request's status changes. Every node runs it on a timer; the
 * shared {@code status_mail} cursor in the database (the id of the last update dealt with) makes
 * them take turns.
 *
 * <p>A pass reads the next updates after the cursor and writes their mails, then <em>claims</em>
 * the batch by moving the cursor with compare-and-set before sending anything. A node that loses
 * the race drops its batch unsent, so two nodes never mail the same change. If the mailer fails,
 * the pass stops and moves the cursor back to just before the update that failed (again with
 * compare-and-set), so the rest is retried on the next pass; the followers of that one update
 * who were already mailed may get it twice, which is better than not at all. Only when another
 * node has already moved past the batch in the meantime is the rest lost; the pass reports it.
 * A mail refused for good (the server rejects the address) is skipped, so that one bad address
 * cannot hold up everyone else's mail.
 *
 * <p>Updates with status {@code unchanged} (a note only) send nothing, nor do those of hidden
 * requests. Not thread-safe: run it from one thread per node.
 *
 * <p>Updates younger than {@value #SETTLE_MILLIS} ms wait for a later pass. On PostgreSQL an
 * update's id is taken when its row is inserted, not when its transaction commits, so a pass
 * could read id 12 while id 11 is still uncommitted, move the cursor past 11, and never mail it.
 * Waiting until updates have settled closes that gap, provided transactions commit, and the
 * nodes' clocks agree, well within the delay; mails go out two seconds later, which nobody
 * notices. (SQLite has one writer, so ids commit in order there; the wait costs nothing.)
 */
public final class StatusNotifier {
  /** The cursor's name in {@code job_cursors}. */
  public static final String JOB = "status_mail";
  static final int BATCH = 100;
  /** How old an update must be before it is mailed about; see the class comment. */
  static final long SETTLE_MILLIS = 2_000;

  private final FollowerStore followers;
  private final RequestStore requests;
  private final StatusMails mails;
  private final Mailer mailer;
  private final Clock clock;

  public StatusNotifier(FollowerStore followers, RequestStore requests, StatusMails mails, Mailer mailer,
      Clock clock) {
    this.followers = followers;
    this.requests = requests;
    this.mails = mails;
    this.mailer = mailer;
    this.clock = clock;
  }

  /** How a pass ended. */
  public enum Outcome {
    /** No new updates old enough to mail about. */
    IDLE,
    /** The batch was claimed and every mail sent. */
    SENT,
    /** Another node claimed the batch first; nothing was sent by this one. */
    TAKEN_BY_ANOTHER_NODE,
    /** The mailer failed; the cursor was moved back so the rest is retried. */
    MAILER_FAILED,
    /** The mailer failed and another node had moved on: {@link Pass#lost} mails will not be sent. */
    MAILER_FAILED_AND_LOST
  }

  /**
   * What a pass did.
   *
   * @param updates the updates read after the cursor
   * @param sent    mails handed to the mailer
   * @param refused mails the mailer refused for good (a bad address); skipped
   * @param lost    mails that will not be sent (only with {@link Outcome#MAILER_FAILED_AND_LOST})
   * @param failure the mailer's message when it failed, else null
   */
  public record Pass(Outcome outcome, int updates, int sent, int refused, int lost, String failure) {}

  private record Outgoing(long updateId, Mail mail) {}

  /** Deals with the next batch of updates, at most {@value #BATCH}. */
  public Pass pass() {
    long from = followers.cursor(JOB);
    List<UpdateRecord> batch = followers.updatesAfter(from, clock.millis() - SETTLE_MILLIS, BATCH);
    if (batch.isEmpty()) {
      return new Pass(Outcome.IDLE, 0, 0, 0, 0, null);
    }
    List<Outgoing> outgoing = compose(batch);
    long to = batch.get(batch.size() - 1).id();
    if (!followers.advance(JOB, from, to)) {
      return new Pass(Outcome.TAKEN_BY_ANOTHER_NODE, batch.size(), 0, 0, 0, null);
    }
    int sent = 0;
    int refused = 0;
    for (int i = 0; i < outgoing.size(); i++) {
      Outgoing o = outgoing.get(i);
      try {
        mailer.send(o.mail());
        sent++;
      } catch (RuntimeException e) {
        if (e instanceof Mailer.MailFailure f && f.permanent()) {
          refused++;
          continue;
        }
        return failed(batch.size(), sent, refused, outgoing.size() - i, to, o.updateId(), e);
      }
    }
    return new Pass(Outcome.SENT, batch.size(), sent, refused, 0, null);
  }

  /**
   * Runs passes until the updates are all dealt with, another node takes over, or the mailer
   * fails; returns the passes that did something.
   */
  public List<Pass> catchUp() {
    List<Pass> passes = new ArrayList<>();
    while (true) {
      Pass p = pass();
      if (p.outcome() != Outcome.IDLE) {
        passes.add(p);
      }
      if (p.outcome() != Outcome.SENT || p.updates() < BATCH) {
        return passes;
      }
    }
  }

  private Pass failed(int updates, int sent, int refused, int left, long claimedTo, long failedUpdate,
      RuntimeException e) {
    String why = e.getMessage() == null ? e.toString() : e.getMessage();
    if (followers.advance(JOB, claimedTo, failedUpdate - 1)) {
      return new Pass(Outcome.MAILER_FAILED, updates, sent, refused, 0, why);
    }
    return new Pass(Outcome.MAILER_FAILED_AND_LOST, updates, sent, refused, left, why);
  }

  private List<Outgoing> compose(List<UpdateRecord> batch) {
    List<Outgoing> out = new ArrayList<>();
    Map<Long, Optional<RequestRecord>> seen = new HashMap<>();
    for (UpdateRecord u : batch) {
      if (ExtendedStatus.parse(u.status()).orElse(null) == ExtendedStatus.UNCHANGED) {
        continue;
      }
      Optional<RequestRecord> request =
          seen.computeIfAbsent(u.requestId(), id -> requests.find(u.jurisdictionId(), id));
      if (request.isEmpty() || request.get().hidden()) {
        continue;
      }
      // One mail per address, even if the same person managed to follow twice.
      Set<String> addresses = new HashSet<>();
      for (FollowerRecord f : followers.activeFollowers(u.requestId())) {
        if (addresses.add(f.email().toLowerCase(Locale.ROOT))) {
          out.add(new Outgoing(u.id(), mails.compose(f, request.get(), u)));
        }
      }
    }
    return out;
  }
}
