package org.civic311.server.domain.interop;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.civic311.client.ClientException;
import org.civic311.client.GeoReportException;
import org.civic311.georeport.GeoReportError;
import org.civic311.georeport.RequestReceipt;
import org.civic311.server.storage.OutboxStore;
import org.civic311.server.storage.RequestRecord;
import org.civic311.server.storage.RequestStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox's waiting requests upstream. Each node runs one; a row is claimed with a lease
 * before it is sent, so one node sends it. Network errors, timeouts, 429s, 5xx and answers that
 * are not GeoReport documents are tried again later, with exponential backoff and jitter; a 4xx
 * with an error document is final (state failed, with the upstream's words) until staff retry it.
 */
public final class Forwarder {
  private static final Logger LOG = LoggerFactory.getLogger(Forwarder.class);
  private static final int BATCH = 20;
  private static final Duration MAX_WAIT = Duration.ofHours(1);
  private static final int MAX_ERROR = 1000;

  private final Map<String, Upstream> upstreams;
  private final OutboxStore outbox;
  private final RequestStore requests;
  private final Clock clock;
  private final ForwardEvents events;

  public Forwarder(Map<String, Upstream> upstreams, OutboxStore outbox, RequestStore requests, Clock clock,
      ForwardEvents events) {
    this.upstreams = Map.copyOf(upstreams);
    this.outbox = outbox;
    this.requests = requests;
    this.clock = clock;
    this.events = events;
  }

  /** The upstream a new request of this service goes to, or null. */
  public String upstreamOf(String jurisdictionId, String serviceCode) {
    Upstream u = upstreams.get(jurisdictionId);
    return u != null && u.forwards(serviceCode) ? jurisdictionId : null;
  }

  /** Each upstream as last seen, in the configuration's order. */
  public java.util.List<UpstreamState> states() {
    return upstreams.values().stream().map(Upstream::state)
        .sorted(java.util.Comparator.comparing(UpstreamState::jurisdictionId)).toList();
  }

  public boolean any() {
    return !upstreams.isEmpty();
  }

  /** Checks each upstream once, then sends what is due every {@code pollMillis}. */
  public void start(ScheduledExecutorService executor, long pollMillis) {
    executor.execute(this::checkUpstreams);
    executor.scheduleWithFixedDelay(() -> {
      try {
        drain();
      } catch (RuntimeException e) {
        LOG.warn("forwarding paused: {}", e.getMessage());
      }
    }, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
  }

  /** An unreachable or odd upstream is a warning: requests wait in the outbox until it answers. */
  void checkUpstreams() {
    for (Upstream u : upstreams.values()) {
      try {
        int services = u.client().services().size();
        u.answered(clock.millis());
        LOG.info("jurisdiction {} forwards to {} ({} services there)", u.jurisdictionId(), u.url(), services);
      } catch (GeoReportException e) {
        u.failing(e.status() >= 500 || e.status() == 429 ? UpstreamState.Health.FAILING
            : UpstreamState.Health.UNREACHABLE, cut("GET services: " + e.status() + ": " + words(e.errors())),
            clock.millis());
        LOG.warn("jurisdiction {} forwards to {}, which refused GET services ({}); new requests wait in the outbox "
            + "until it answers", u.jurisdictionId(), u.url(), e.getMessage());
      } catch (RuntimeException e) {
        u.failing(UpstreamState.Health.UNREACHABLE, cut("GET services: " + e.getMessage()), clock.millis());
        LOG.warn("jurisdiction {} forwards to {}, which does not answer as an Open311 server ({}); "
            + "new requests wait in the outbox until it does", u.jurisdictionId(), u.url(), e.getMessage());
      }
    }
  }

  /** Sends every due row this node can claim; returns how many it tried. */
  public int drain() {
    int tried = 0;
    long now = clock.millis();
    for (long id : outbox.due(now, BATCH)) {
      Optional<OutboxStore.Entry> row = outbox.find(id);
      if (row.isEmpty()) {
        continue;
      }
      Upstream u = upstreams.get(row.get().upstream());
      if (u == null) {
        continue; // no longer configured here: left waiting for a node that has it
      }
      long lease = now + u.timeout().toMillis() * 2 + 30_000;
      if (outbox.claim(id, now, lease)) {
        send(row.get(), u);
        tried++;
      }
    }
    return tried;
  }

  private void send(OutboxStore.Entry row, Upstream u) {
    int attempts = row.attempts() + 1;
    Optional<RequestRecord> request = requests.find(u.jurisdictionId(), row.requestId());
    if (request.isEmpty()) {
      outbox.failed(row.requestId(), attempts, "the request is gone");
      return;
    }
    try {
      RequestReceipt r = u.client().post(u.post(request.get()), Upstream.idempotencyKey(request.get()));
      outbox.sent(row.requestId(), attempts, r.serviceRequestId(), r.token(), clock.millis());
      u.answered(clock.millis());
      events.sent();
      if (u.mirrorOf() != null && r.serviceRequestId() != null) {
        outbox.link(row.requestId(), u.mirrorOf(), r.serviceRequestId());
      }
      LOG.info("request {} forwarded to {}: {}", row.requestId(), u.url(),
          r.serviceRequestId() != null ? "id " + r.serviceRequestId() : "token " + r.token());
    } catch (GeoReportException e) {
      if (e.status() >= 400 && e.status() < 500 && e.status() != 429 && e.status() != 408) {
        outbox.failed(row.requestId(), attempts, cut(e.status() + ": " + words(e.errors())));
        u.answered(clock.millis());
        events.failed();
        LOG.warn("request {} refused by {}: {}", row.requestId(), u.url(), words(e.errors()));
      } else {
        u.failing(UpstreamState.Health.FAILING, cut(e.status() + ": " + words(e.errors())), clock.millis());
        later(row, u, attempts, e.status() + ": " + words(e.errors()));
      }
    } catch (ClientException | IllegalArgumentException e) {
      u.failing(UpstreamState.Health.UNREACHABLE, cut(e.getMessage()), clock.millis());
      later(row, u, attempts, e.getMessage());
    }
  }

  private void later(OutboxStore.Entry row, Upstream u, int attempts, String error) {
    long wait = backoff(u.firstRetry(), attempts);
    outbox.retryLater(row.requestId(), attempts, clock.millis() + wait, cut(error));
    events.retried();
    LOG.info("request {} not forwarded yet (attempt {}), next try in {} ms: {}", row.requestId(), attempts, wait,
        error);
  }

  /** Doubling from the first wait up to an hour, each wait drawn between half and all of it. */
  static long backoff(Duration firstRetry, int attempts) {
    long full = firstRetry.toMillis() << Math.min(attempts - 1, 20);
    full = Math.min(full, MAX_WAIT.toMillis());
    return full / 2 + ThreadLocalRandom.current().nextLong(full / 2 + 1);
  }

  private static String words(List<GeoReportError> errors) {
    return String.join("; ", errors.stream().map(GeoReportError::description).toList());
  }

  private static String cut(String s) {
    return s == null ? "" : s.length() > MAX_ERROR ? s.substring(0, MAX_ERROR) : s;
  }
}
