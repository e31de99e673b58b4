package org.civic311.server.domain.stats;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.civic311.server.storage.ServiceRecord;
import org.civic311.server.storage.StatsStore;

/**
 * How long a new request of a service will probably take to close, learned from the service's
 * recent closings: the median days to close of those closed in the last {@value #WINDOW_DAYS}
 * days, once at least {@value #MIN_CLOSED} have closed (kept to the hour: rounding a service
 * closed within hours up to a whole day tripled the backtest's error); else the
 * service's target ({@code sla_days}); else nothing. Read from the rollups' close-time histograms
 * (one grouped read of at most a few thousand rows) and kept for {@value #KEEP_MINUTES} minutes
 * per service, so a busy intake reads them a few times an hour, never per request. The backtest
 * behind these choices is in docs/STATISTICS.md.
 */
public final class ExpectedDates {
  static final int WINDOW_DAYS = 90;
  static final int MIN_CLOSED = 20;
  static final int KEEP_MINUTES = 10;
  private final StatsStore store;
  private final Clock clock;
  private final Map<String, Held> held = new ConcurrentHashMap<>();

  /** Where an estimate comes from. */
  public enum Basis { HISTORY, TARGET }

  /** An estimate in days. */
  public record Estimate(double days, Basis basis) {

    /** The estimate rounded up to whole days, at least one, as the pages say it. */
    public int wholeDays() {
      return Math.max(1, (int) Math.ceil(days - 1e-9));
    }

    public long millis() {
      return Math.round(days * 86_400_000d);
    }
  }

  private record Held(Optional<Estimate> estimate, long until) {}

  public ExpectedDates(StatsStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public Optional<Estimate> of(String jurisdictionId, ServiceRecord service) {
    long now = clock.millis();
    String key = jurisdictionId + "\n" + service.code();
    Held h = held.get(key);
    if (h == null || h.until() < now) {
      h = new Held(learn(jurisdictionId, service, now), now + KEEP_MINUTES * 60_000L);
      held.put(key, h);
    }
    return h.estimate();
  }

  private Optional<Estimate> learn(String jurisdictionId, ServiceRecord service, long now) {
    long today = Math.floorDiv(now, 86_400_000L);
    long[] h = store.closeTimesOf(jurisdictionId, service.code(), today - WINDOW_DAYS, CloseTimes.BUCKETS);
    if (CloseTimes.count(h) >= MIN_CLOSED) {
      Double median = CloseTimes.quantileDays(h, 0.5);
      return Optional.of(new Estimate(median, Basis.HISTORY));
    }
    if (service.slaDays() != null) {
      return Optional.of(new Estimate(service.slaDays(), Basis.TARGET));
    }
    return Optional.empty();
  }
}
