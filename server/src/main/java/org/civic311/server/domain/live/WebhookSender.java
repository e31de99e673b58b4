package org.civic311.server.domain.live;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.civic311.server.domain.Refusal;
import org.civic311.server.storage.EventRecord;
import org.civic311.server.storage.EventStore;
import org.civic311.server.storage.WebhookDelivery;
import org.civic311.server.storage.WebhookRecord;
import org.civic311.server.storage.WebhookStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the event log to webhooks, each from its own place in the log, one event at a time
 * and in order: a hook moves past an event only once its receiver answered 2xx (or the event did
 * not pass its filters). A failed try is retried after a pause that doubles up to
 * {@link #MAX_PAUSE}; after {@link #GIVE_UP} of failures the hook is marked failed and waits for
 * its owner. Any node may deliver any hook: a node claims a due hook in the database for
 * {@link #LEASE} before it sends, so one node sends it.
 */
public final class WebhookSender implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
  static final Duration LEASE = Duration.ofSeconds(60);
  static final Duration MAX_PAUSE = Duration.ofMinutes(10);
  static final Duration GIVE_UP = Duration.ofDays(1);
  static final int EVENTS_PER_TURN = 200;
  private final WebhookStore hooks;
  private final EventStore events;
  private final EventPublisher publisher;
  private final Webhooks webhooks;
  private final Targets targets;
  private final Clock clock;
  private final HttpClient http;
  private final ExecutorService senders;
  private final java.util.concurrent.ScheduledExecutorService timer;

  public WebhookSender(WebhookStore hooks, EventStore events, EventPublisher publisher, Webhooks webhooks,
      Targets targets, Clock clock) {
    this.hooks = hooks;
    this.events = events;
    this.publisher = publisher;
    this.webhooks = webhooks;
    this.targets = targets;
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
        .followRedirects(HttpClient.Redirect.NEVER).build();
    this.senders = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "webhook-send");
      t.setDaemon(true);
      return t;
    });
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "webhook-due");
      t.setDaemon(true);
      return t;
    });
  }

  /** Looks for due hooks every {@code millis}. */
  public WebhookSender start(long millis) {
    timer.scheduleWithFixedDelay(this::pass, millis, millis, TimeUnit.MILLISECONDS);
    return this;
  }

  private void pass() {
    try {
      long now = clock.millis();
      for (long id : hooks.due(now, 50)) {
        if (hooks.claim(id, now, now + LEASE.toMillis())) {
          senders.execute(() -> turn(id));
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("webhooks: looking for due hooks failed: {}", e.getMessage());
    }
  }

  /** Delivers what a claimed hook has waiting, up to a turn's worth, stopping at the first failure. */
  void turn(long id) {
    try {
      WebhookRecord hook = hooks.find(id).orElse(null);
      if (hook == null || !hook.state().equals("active")) {
        return;
      }
      EventFilter filter = webhooks.filterOf(hook);
      List<EventRecord> waiting = events.after(hook.position(), EVENTS_PER_TURN);
      long passed = hook.position();
      for (EventRecord e : waiting) {
        if (!filter.matches(e)) {
          passed = e.id();
          continue;
        }
        LiveEvent event = publisher.publish(List.of(e)).get(0);
        WebhookDelivery d = send(hook, event.id(), event.json().getBytes(StandardCharsets.UTF_8), event.kind());
        hooks.log(d);
        if (d.status() == null || d.status() / 100 != 2) {
          if (passed > hook.position()) {
            hooks.advance(id, passed);
          }
          fail(hook);
          return;
        }
        passed = e.id();
      }
      hooks.advance(id, passed);
    } catch (RuntimeException | Error e) {
      LOG.warn("webhooks: hook {} failed a turn: {}", id, e.getMessage(), e);
    }
  }

  private void fail(WebhookRecord hook) {
    long now = clock.millis();
    int attempts = hook.attempts() + 1;
    long since = hook.failingSince() == null ? now : hook.failingSince();
    long pause = Math.min(MAX_PAUSE.toMillis(), 1000L << Math.min(attempts - 1, 20));
    boolean giveUp = now - since >= GIVE_UP.toMillis();
    hooks.failed(hook.id(), attempts, since, now + pause, giveUp ? "failed" : "active");
    if (giveUp) {
      LOG.warn("webhooks: hook {} failed for a day; marked failed", hook.id());
    }
  }

  /** Sends a test event to a hook now and logs the answer; the hook's place in the log does not move. */
  public WebhookDelivery test(WebhookRecord hook) {
    String body = "{\"id\":\"0\",\"type\":\"webhook.test\",\"at\":\"" + java.time.Instant.ofEpochMilli(clock.millis())
        + "\",\"jurisdiction_id\":\"" + hook.jurisdictionId() + "\",\"webhook_id\":\"" + hook.id() + "\"}";
    WebhookDelivery d = send(hook, 0, body.getBytes(StandardCharsets.UTF_8), "webhook.test");
    hooks.log(d);
    return d;
  }

  private WebhookDelivery send(WebhookRecord hook, long eventId, byte[] body, String type) {
    long started = System.nanoTime();
    long at = clock.millis();
    try {
      URI uri = URI.create(hook.url());
      targets.resolve(uri);
      HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
          .header("Content-Type", "application/json; charset=utf-8")
          .header("User-Agent", "Civic311-Webhooks")
          .header("Civic311-Event-Id", Long.toString(eventId))
          .header("Civic311-Event-Type", type)
          .header("Civic311-Webhook-Id", Long.toString(hook.id()))
          .header(Signature.HEADER, Signature.of(hook.secret(), at / 1000, body))
          .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
      HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
      int status = r.statusCode();
      String outcome = status / 100 == 2 ? "delivered" : status / 100 == 3 ? "redirect not followed" : "refused";
      return new WebhookDelivery(hook.id(), eventId, at, status, outcome, millis(started));
    } catch (Refusal e) {
      return new WebhookDelivery(hook.id(), eventId, at, null, e.getMessage(), millis(started));
    } catch (IOException | IllegalArgumentException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new WebhookDelivery(hook.id(), eventId, at, null, "no answer: " + clip(why), millis(started));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new WebhookDelivery(hook.id(), eventId, at, null, "interrupted", millis(started));
    }
  }

  private static String clip(String s) {
    return s.length() > 200 ? s.substring(0, 200) : s;
  }

  private static long millis(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }

  @Override
  public void close() {
    timer.shutdownNow();
    senders.shutdown();
    try {
      if (!senders.awaitTermination(5, TimeUnit.SECONDS)) {
        senders.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
