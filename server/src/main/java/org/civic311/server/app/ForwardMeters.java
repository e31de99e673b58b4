package org.civic311.server.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.function.Supplier;
import org.civic311.server.domain.interop.ForwardEvents;

/**
 * Forwarding as meters: requests sent upstream, refused there, attempts to be retried, and the
 * outbox's rows by state (read from the database at most once a second, however often scraped).
 */
final class ForwardMeters implements ForwardEvents {
  private static final long DEPTH_MILLIS = 1000;
  private final Counter sent;
  private final Counter failed;
  private final Counter retries;
  private final Supplier<Map<String, Long>> depth;
  private volatile Map<String, Long> lastDepth = Map.of();
  private volatile long readAt;

  ForwardMeters(MeterRegistry registry, Supplier<Map<String, Long>> depth) {
    this.depth = depth;
    sent = Counter.builder("civic311.forward.sent").description("Requests an upstream accepted")
        .register(registry);
    failed = Counter.builder("civic311.forward.failed")
        .description("Requests an upstream refused with an error document (they wait for staff)").register(registry);
    retries = Counter.builder("civic311.forward.retries")
        .description("Attempts that failed and will be tried again (network, timeout, 5xx, not Open311)")
        .register(registry);
    for (String state : new String[] {"waiting", "sent", "failed", "cancelled"}) {
      Gauge.builder("civic311.forward.outbox", this, m -> m.depth(state))
          .description("Rows of the forwarding outbox by state").tag("state", state).register(registry);
    }
  }

  private double depth(String state) {
    long now = System.currentTimeMillis();
    if (now - readAt > DEPTH_MILLIS) {
      try {
        lastDepth = depth.get();
      } catch (RuntimeException e) {
        return Double.NaN;
      }
      readAt = now;
    }
    return lastDepth.getOrDefault(state, 0L);
  }

  @Override
  public void sent() {
    sent.increment();
  }

  @Override
  public void failed() {
    failed.increment();
  }

  @Override
  public void retried() {
    retries.increment();
  }
}
