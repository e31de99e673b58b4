package org.civic311.server.domain.interop;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.civic311.server.storage.OutboxStore;

/** The forwarding outbox as staff see it: one request's state, a retry, and the depth by state. */
public final class Outbox {
  private final OutboxStore store;
  private final Clock clock;

  public Outbox(OutboxStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public Optional<OutboxStore.Entry> of(long requestId) {
    return store.find(requestId);
  }

  /** Puts a failed forward back in the queue, due now; false when it had not failed. */
  public boolean retry(long requestId) {
    return store.retry(requestId, clock.millis());
  }

  public Map<String, Long> depth() {
    return store.depth();
  }
}
