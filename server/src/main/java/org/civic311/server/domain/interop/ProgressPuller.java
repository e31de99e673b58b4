package org.civic311.server.domain.interop;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civic311.client.ClientException;
import org.civic311.client.Search;
import org.civic311.georeport.ExtendedStatus;
import org.civic311.georeport.ServiceRequest;
import org.civic311.server.storage.NewUpdate;
import org.civic311.server.storage.OutboxStore;
import org.civic311.server.storage.UpdateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings an upstream's progress back: asks it for the forwarded requests still open here, in
 * batches by {@code service_request_id}, and applies each new state (status, notes) as an update
 * of our request, so the resident's mails and the feeds follow the upstream's work. The update's
 * id is made of the upstream's id and its {@code updated_datetime}, so a state seen twice (or by
 * two nodes) is stored once: the update store refuses a repeated update id.
 */
public final class ProgressPuller {
  private static final Logger LOG = LoggerFactory.getLogger(ProgressPuller.class);
  private static final int BATCH = 50;

  private final Map<String, Upstream> upstreams;
  private final OutboxStore outbox;
  private final UpdateStore updates;
  private final Clock clock;
  private final Map<String, Long> lastPull = new java.util.concurrent.ConcurrentHashMap<>();

  public ProgressPuller(Map<String, Upstream> upstreams, OutboxStore outbox, UpdateStore updates, Clock clock) {
    this.upstreams = Map.copyOf(upstreams);
    this.outbox = outbox;
    this.updates = updates;
    this.clock = clock;
  }

  /** One pass over every upstream; returns how many updates it stored. */
  public int pull() {
    int stored = 0;
    for (Upstream u : upstreams.values()) {
      long now = clock.millis();
      if (now - lastPull.getOrDefault(u.jurisdictionId(), 0L) < u.pullEvery().toMillis()) {
        continue;
      }
      lastPull.put(u.jurisdictionId(), now);
      try {
        stored += pull(u);
      } catch (ClientException e) {
        LOG.info("progress from {} not read this time: {}", u.url(), e.getMessage());
      }
    }
    return stored;
  }

  private int pull(Upstream u) {
    int stored = 0;
    long after = 0;
    while (true) {
      List<OutboxStore.Forwarded> batch = outbox.openForwarded(u.jurisdictionId(), after, BATCH);
      if (batch.isEmpty()) {
        return stored;
      }
      Map<String, Long> ours = new HashMap<>();
      for (OutboxStore.Forwarded f : batch) {
        ours.put(f.upstreamId(), f.requestId());
        after = f.requestId();
      }
      List<ServiceRequest> theirs = u.client().requests(Search.builder()
          .ids(ours.keySet().toArray(String[]::new)).build());
      for (ServiceRequest r : theirs) {
        Long id = ours.get(r.id());
        if (id != null && r.updatedDatetime() != null && apply(u, id, r)) {
          stored++;
        }
      }
      if (batch.size() < BATCH) {
        return stored;
      }
    }
  }

  private boolean apply(Upstream u, long requestId, ServiceRequest r) {
    ExtendedStatus status = ExtendedStatus.parse(r.status().wireName()).orElse(ExtendedStatus.OPEN);
    if (status == ExtendedStatus.OPEN && (r.statusNotes() == null || r.statusNotes().isBlank())) {
      return false; // nothing has happened there yet
    }
    long at = r.updatedDatetime().toInstant().toEpochMilli();
    String updateId = "upstream:" + r.id() + ":" + at;
    UpdateStore.Result result = updates.insert(new NewUpdate(u.jurisdictionId(), requestId, updateId,
        status.wireName(), status.core().map(s -> s.wireName()).orElse(null), r.statusNotes(), at, clock.millis(),
        null, null, List.of()));
    return result.outcome() == UpdateStore.Outcome.STORED;
  }
}
