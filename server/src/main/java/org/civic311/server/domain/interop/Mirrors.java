package org.civic311.server.domain.interop;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.civic311.server.storage.JurisdictionRecord;
import org.civic311.server.storage.MirrorStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jurisdictions that mirror another city's endpoint, and their harvests: each one copies the
 * source's catalogue and harvests its requests every so often (from the newest change seen, kept
 * in the database, so a restart or another node goes on from there). A failed harvest (no
 * answer, an HTML page, a 500, a wrong document) is recorded with its reason for staff and tried
 * again at the next turn; it never stops the server.
 */
public final class Mirrors {
  private static final Logger LOG = LoggerFactory.getLogger(Mirrors.class);
  private static final int MAX_ERROR = 1000;

  /** One mirroring jurisdiction, as configured. */
  public record Mirror(String jurisdictionId, String name, String timeZone, MirrorSource source, int everySeconds,
      int sinceDays) {}

  private final List<Mirror> mirrors;
  private final Harvester harvester;
  private final MirrorStore store;
  private final Clock clock;

  public Mirrors(List<Mirror> mirrors, Harvester harvester, MirrorStore store, Clock clock) {
    this.mirrors = List.copyOf(mirrors);
    this.harvester = harvester;
    this.store = store;
    this.clock = clock;
  }

  public boolean any() {
    return !mirrors.isEmpty();
  }

  /** Harvests each mirror at once, then every {@code every_seconds} after the last one ended. */
  public void start(ScheduledExecutorService executor) {
    for (Mirror m : mirrors) {
      executor.scheduleWithFixedDelay(() -> harvest(m), 0, m.everySeconds(), TimeUnit.SECONDS);
    }
  }

  /** One harvest of one mirror; false when it failed (the reason is stored). */
  public boolean harvest(Mirror m) {
    long now = clock.millis();
    try {
      store.started(m.jurisdictionId(), m.source().name(), now);
      int services = harvester.copyCatalogue(m.source(), new JurisdictionRecord(m.jurisdictionId(), m.name(),
          m.timeZone(), now));
      Long newest = store.find(m.jurisdictionId()).map(MirrorStore.Harvest::newestChange).orElse(null);
      Harvester.Totals t = harvester.harvest(m.source(), m.jurisdictionId(), newest, m.sinceDays(), n -> {});
      store.succeeded(m.jurisdictionId(), t.method(), t.newestChange(), t.seen(), t.added(), t.updated(),
          clock.millis());
      LOG.info("mirror {} of {}: {} services; {} requests read ({}), {} new, {} changed, in {} ms", m.jurisdictionId(),
          m.source().name(), services, t.seen(), t.method(), t.added(), t.updated(), t.millis());
      return true;
    } catch (RuntimeException e) {
      if (Thread.currentThread().isInterrupted()) {
        LOG.info("mirror {}: harvest stopped by the shutdown; the next start goes on", m.jurisdictionId());
        return false;
      }
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      why = why.length() > MAX_ERROR ? why.substring(0, MAX_ERROR) : why;
      LOG.warn("mirror {} of {}: harvest failed, tried again in {} s: {}", m.jurisdictionId(), m.source().name(),
          m.everySeconds(), why);
      try {
        store.failed(m.jurisdictionId(), why, clock.millis());
      } catch (RuntimeException stored) {
        LOG.warn("mirror {}: the failure could not be recorded: {}", m.jurisdictionId(), stored.getMessage());
      }
      return false;
    }
  }

  /** Each mirror's harvests, as staff see them. */
  public List<MirrorStore.Harvest> harvests() {
    return store.all();
  }

  /** The source a jurisdiction mirrors, if it is a mirror. */
  public Optional<String> sourceOf(String jurisdictionId) {
    return mirrors.stream().filter(m -> m.jurisdictionId().equalsIgnoreCase(jurisdictionId))
        .map(m -> m.source().name()).findFirst();
  }

  public List<Mirror> all() {
    return mirrors;
  }
}
