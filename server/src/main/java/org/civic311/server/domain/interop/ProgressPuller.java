package org.civic311.server.domain.interop;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.civic311.client.ClientException;
import org.civic311.client.GeoReportException;
import org.civic311.client.Search;
import org.civic311.client.UnexpectedAnswerException;
import org.civic311.georeport.ExtendedStatus;
import org.civic311.georeport.RequestReceipt;
import org.civic311.georeport.RequestUpdate;
import org.civic311.georeport.ServiceRequest;
import org.civic311.server.storage.CaseworkStore;
import org.civic311.server.storage.NewUpdate;
import org.civic311.server.storage.OutboxStore;
import org.civic311.server.storage.RequestChange;
import org.civic311.server.storage.UpdateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings an upstream's progress back. Each pass first resolves the tokens a batch upstream gave
 * ({@code GET tokens/{token}}) into ids. An upstream with a {@code servicerequestupdates} list
 * (asked once) is read from it: every update since the last pass, and the requests it names are
 * then read for their expected time. On a node's first pass, every tenth pass (an update posted
 * upstream with an older time is not in the list's window) and always for upstreams without the
 * list, every forwarded request still open here is asked for, in batches by
 * {@code service_request_id}, and its state (status, notes) and expected time are applied. Each new upstream state becomes an update of our request, and a new
 * {@code expected_datetime} becomes ours. The update's id is made of the upstream's
 * request id and time, so a state seen twice (by either way, or by two nodes) is stored once: the
 * update store refuses a repeated update id.
 */
public final class ProgressPuller {
  private static final Logger LOG = LoggerFactory.getLogger(ProgressPuller.class);
  private static final int BATCH = 50;
  /** Updates are read again this far back, for clocks that differ and commits that land late. */
  private static final long OVERLAP_MILLIS = 120_000;
  /**
   * The updates list is read by the updates' own times, so one posted upstream with an older
   * time would be missed: every this many passes, every open request is asked for all the same.
   */
  private static final int FULL_EVERY = 10;

  private final Map<String, Upstream> upstreams;
  private final OutboxStore outbox;
  private final UpdateStore updates;
  private final CaseworkStore casework;
  private final Clock clock;
  private final Map<String, Long> lastPull = new ConcurrentHashMap<>();
  private final Map<String, Long> lastFull = new ConcurrentHashMap<>();

  public ProgressPuller(Map<String, Upstream> upstreams, OutboxStore outbox, UpdateStore updates,
      CaseworkStore casework, Clock clock) {
    this.upstreams = Map.copyOf(upstreams);
    this.outbox = outbox;
    this.updates = updates;
    this.casework = casework;
    this.clock = clock;
  }

  /** One pass over every upstream that is due; returns how many updates it stored. */
  public int pull() {
    int stored = 0;
    for (Upstream u : upstreams.values()) {
      long now = clock.millis();
      Long last = lastPull.get(u.jurisdictionId());
      if (last != null && now - last < u.pullEvery().toMillis()) {
        continue;
      }
      try {
        resolveTokens(u);
        if (u.mirrorOf() != null) {
          lastPull.put(u.jurisdictionId(), now);
          continue; // the mirror's harvest brings the source's progress
        }
        if (u.offersUpdates() == null) {
          probeUpdates(u);
        }
        boolean full = now - lastFull.getOrDefault(u.jurisdictionId(), 0L) >= FULL_EVERY * u.pullEvery().toMillis();
        if (Boolean.TRUE.equals(u.offersUpdates()) && !full && last != null) {
          stored += pullChanged(u, last - OVERLAP_MILLIS);
        } else {
          stored += pullAll(u, true);
        }
        if (full) {
          lastFull.put(u.jurisdictionId(), now);
        }
        lastPull.put(u.jurisdictionId(), now);
      } catch (ClientException e) {
        lastPull.put(u.jurisdictionId(), now);
        LOG.info("progress from {} not read this time: {}", u.url(), e.getMessage());
      }
    }
    return stored;
  }

  private void resolveTokens(Upstream u) {
    for (OutboxStore.Token t : outbox.unresolvedTokens(u.jurisdictionId(), BATCH)) {
      try {
        RequestReceipt r = u.client().token(t.token());
        if (r.serviceRequestId() != null && !r.serviceRequestId().isBlank()) {
          outbox.resolved(t.requestId(), r.serviceRequestId());
          if (u.mirrorOf() != null) {
            outbox.link(t.requestId(), u.mirrorOf(), r.serviceRequestId());
          }
          LOG.info("request {}: token {} at {} became id {}", t.requestId(), t.token(), u.url(), r.serviceRequestId());
        }
      } catch (GeoReportException e) {
        // Not known yet (404) or not resolvable: asked again next pass.
        LOG.debug("token {} at {} not resolved yet: {}", t.token(), u.url(), e.getMessage());
      }
    }
  }

  private int pullAll(Upstream u, boolean states) {
    int stored = 0;
    long after = 0;
    while (true) {
      List<OutboxStore.Forwarded> batch = outbox.openForwarded(u.jurisdictionId(), after, BATCH);
      if (batch.isEmpty()) {
        break;
      }
      Map<String, OutboxStore.Forwarded> ours = new HashMap<>();
      for (OutboxStore.Forwarded f : batch) {
        ours.put(f.upstreamId(), f);
        after = f.requestId();
      }
      stored += applyStates(u, ours, states);
      if (batch.size() < BATCH) {
        break;
      }
    }
    return stored;
  }

  /** Asks for an empty window of updates once: a list means the upstream has them. */
  private void probeUpdates(Upstream u) {
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).withNano(0);
    try {
      u.client().updates(now.minusMinutes(1), now);
      u.offersUpdates(true);
      LOG.info("{} has servicerequestupdates: progress is read from it", u.url());
    } catch (GeoReportException | UnexpectedAnswerException e) {
      // Only a clear "no" decides; a network failure leaves the question for the next pass.
      u.offersUpdates(false);
      LOG.info("{} has no servicerequestupdates list ({}): progress is read by request id", u.url(), e.getMessage());
    }
  }

  /**
   * Stores every update listed since {@code since} of a request forwarded there, then reads
   * those requests for their expected time.
   */
  private int pullChanged(Upstream u, long since) {
    OffsetDateTime start = OffsetDateTime.ofInstant(Instant.ofEpochMilli(since), ZoneOffset.UTC);
    List<RequestUpdate> list = u.client().updates(start.withNano(0), null);
    Set<String> changed = new LinkedHashSet<>();
    for (RequestUpdate up : list) {
      changed.add(up.serviceRequestId());
    }
    int stored = 0;
    List<String> ids = new ArrayList<>(changed);
    for (int i = 0; i < ids.size(); i += BATCH) {
      Map<String, OutboxStore.Forwarded> ours = outbox.forwardedByUpstreamId(u.jurisdictionId(),
          ids.subList(i, Math.min(ids.size(), i + BATCH)));
      for (RequestUpdate up : list) {
        OutboxStore.Forwarded f = ours.get(up.serviceRequestId());
        if (f != null && up.updatedDatetime() != null && store(u, f.requestId(), up.serviceRequestId(), up.status(),
            up.description(), up.updatedDatetime())) {
          stored++;
        }
      }
      if (!ours.isEmpty()) {
        applyStates(u, ours, false);
      }
    }
    return stored;
  }

  /** Reads these requests upstream and applies each one's expected time and (when asked) state. */
  private int applyStates(Upstream u, Map<String, OutboxStore.Forwarded> ours, boolean states) {
    int stored = 0;
    List<ServiceRequest> theirs = u.client().requests(Search.builder()
        .ids(ours.keySet().toArray(String[]::new)).build());
    for (ServiceRequest r : theirs) {
      OutboxStore.Forwarded f = ours.get(r.id());
      if (f == null) {
        continue;
      }
      expected(u, f, r);
      if (states && r.updatedDatetime() != null && apply(u, f.requestId(), r)) {
        stored++;
      }
    }
    return stored;
  }

  private void expected(Upstream u, OutboxStore.Forwarded f, ServiceRequest r) {
    if (r.expectedDatetime() == null) {
      return;
    }
    long at = r.expectedDatetime().toInstant().toEpochMilli();
    if (f.expectedAt() == null || f.expectedAt() != at) {
      casework.change(u.jurisdictionId(), f.requestId(), RequestChange.none(clock.millis()).expected(at));
    }
  }

  private boolean apply(Upstream u, long requestId, ServiceRequest r) {
    ExtendedStatus status = ExtendedStatus.parse(r.status().wireName()).orElse(ExtendedStatus.OPEN);
    if (status == ExtendedStatus.OPEN && (r.statusNotes() == null || r.statusNotes().isBlank())) {
      return false; // nothing has happened there yet
    }
    return store(u, requestId, r.id(), status, r.statusNotes(), r.updatedDatetime());
  }

  private boolean store(Upstream u, long requestId, String upstreamId, ExtendedStatus status, String notes,
      OffsetDateTime when) {
    long at = when.toInstant().toEpochMilli();
    String updateId = "upstream:" + upstreamId + ":" + at;
    UpdateStore.Result result = updates.insert(new NewUpdate(u.jurisdictionId(), requestId, updateId,
        status.wireName(), status.core().map(s -> s.wireName()).orElse(null), notes, at, clock.millis(),
        null, null, List.of()));
    return result.outcome() == UpdateStore.Outcome.STORED;
  }
}
