package org.civic311.server.domain.interop;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.civic311.server.storage.OutboxStore;

/**
 * The forwarding outbox as staff see it: one request's state, a retry or a cancel, the depth by
 * state, and each upstream as last seen.
 */
public final class Outbox {
  private final OutboxStore store;
  private final Clock clock;
  private final Supplier<List<UpstreamState>> upstreams;

  public Outbox(OutboxStore store, Clock clock, Supplier<List<UpstreamState>> upstreams) {
    this.store = store;
    this.clock = clock;
    this.upstreams = upstreams;
  }

  public Optional<OutboxStore.Entry> of(long requestId) {
    return store.find(requestId);
  }

  /** Puts a failed forward back in the queue, due now; false when it had not failed. */
  public boolean retry(long requestId) {
    return store.retry(requestId, clock.millis());
  }

  /**
   * Stops a waiting or failed forward; false when it is neither. A send already under way when
   * staff cancel finishes: if it reaches the upstream, the row says sent (the truth); otherwise it
   * stays cancelled.
   */
  public boolean cancel(long requestId) {
    return store.cancel(requestId);
  }

  public Map<String, Long> depth() {
    return store.depth();
  }

  /** Each configured upstream as last seen. */
  public List<UpstreamState> upstreams() {
    return upstreams.get();
  }

  /** The state of the upstream this jurisdiction forwards to, if it forwards. */
  public Optional<UpstreamState> upstreamOf(String jurisdictionId) {
    return upstreams.get().stream().filter(u -> u.jurisdictionId().equals(jurisdictionId)).findFirst();
  }
}
