package org.civic311.server.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.civic311.server.config.MirrorSettings;
import org.civic311.server.domain.interop.Harvester;
import org.civic311.server.domain.interop.MirrorSource;
import org.civic311.server.domain.interop.Mirrors;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.civic311.server.config.Configuration;
import org.civic311.server.config.JurisdictionSettings;
import org.civic311.server.config.UpstreamSettings;
import java.util.concurrent.TimeUnit;
import org.civic311.server.domain.interop.Forwarder;
import org.civic311.server.domain.interop.ProgressPuller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.civic311.server.domain.interop.Upstream;
import org.civic311.server.domain.interop.UpstreamTerms;
import org.civic311.server.storage.sql.Database;

/**
 * The configured upstream endpoints and mirrored sources, and the threads that forward to them
 * and harvest them.
 */
final class Upstreams {
  /** How often each node looks for due rows in the outbox. */
  static final long POLL_MILLIS = 1000;
  private static final Logger LOG = LoggerFactory.getLogger(Upstreams.class);

  private Upstreams() {}

  static Map<String, Upstream> of(Configuration config) {
    Map<String, Upstream> upstreams = new LinkedHashMap<>();
    for (JurisdictionSettings j : config.jurisdictions()) {
      UpstreamSettings u = j.upstream();
      MirrorSettings m = j.mirror();
      if (m != null) {
        // A mirror's new requests go to its source, which the harvest reads back.
        upstreams.put(j.id(), new Upstream(j.id(), new UpstreamTerms(m.url(), m.apiKey(), m.jurisdictionId(), null,
            Map.of(), Map.of(), m.timeoutSeconds(), 5, m.everySeconds()), source(m).name()));
      } else if (u != null) {
        upstreams.put(j.id(), new Upstream(j.id(), new UpstreamTerms(u.url(), u.apiKey(), u.jurisdictionId(),
            u.services(), u.serviceCodes(), u.attributes(), u.timeoutSeconds(), u.firstRetrySeconds(),
            u.pullSeconds())));
      }
    }
    return upstreams;
  }

  /** The forwarder, counted in {@code registry} when metrics are on (null when off). */
  static Forwarder forwarder(Map<String, Upstream> upstreams, Database database, Clock clock,
      io.micrometer.core.instrument.MeterRegistry registry) {
    var events = registry == null || upstreams.isEmpty() ? org.civic311.server.domain.interop.ForwardEvents.NONE
        : new ForwardMeters(registry, database.outbox()::depth);
    return new Forwarder(upstreams, database.outbox(), database.requests(), clock, events);
  }

  static ProgressPuller puller(Map<String, Upstream> upstreams, Database database, Clock clock) {
    return new ProgressPuller(upstreams, database.outbox(), database.updates(), database.casework(), clock);
  }

  /** The source of each mirroring jurisdiction, by its id. */
  static Map<String, String> mirrorSources(Configuration config) {
    Map<String, String> sources = new LinkedHashMap<>();
    for (JurisdictionSettings j : config.jurisdictions()) {
      if (j.mirror() != null) {
        sources.put(j.id(), source(j.mirror()).name());
      }
    }
    return sources;
  }

  static MirrorSource source(MirrorSettings m) {
    return new MirrorSource(m.url(), m.jurisdictionId(), m.apiKey(), m.timeoutSeconds());
  }

  static Mirrors mirrors(Configuration config, Database database, Clock clock) {
    List<Mirrors.Mirror> list = new ArrayList<>();
    for (JurisdictionSettings j : config.jurisdictions()) {
      MirrorSettings m = j.mirror();
      if (m != null) {
        list.add(new Mirrors.Mirror(j.id(), j.name(), j.timeZone(), source(m), m.everySeconds(), m.sinceDays()));
      }
    }
    return new Mirrors(list, new Harvester(database.catalogue(), database.imports(), clock), database.mirrors(), clock);
  }

  /** Harvests every mirror on a thread of its own; none is started when nothing is mirrored. */
  static ScheduledExecutorService startMirrors(Mirrors mirrors) {
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "mirroring");
      t.setDaemon(true);
      return t;
    });
    if (mirrors.any()) {
      mirrors.start(executor);
    }
    return executor;
  }

  /** Starts sending when some jurisdiction forwards; the executor is idle otherwise. */
  static ScheduledExecutorService start(Forwarder forwarder, ProgressPuller puller) {
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "forwarding");
      t.setDaemon(true);
      return t;
    });
    if (forwarder.any()) {
      forwarder.start(executor, POLL_MILLIS);
      executor.scheduleWithFixedDelay(() -> {
        try {
          puller.pull();
        } catch (RuntimeException e) {
          LOG.warn("reading upstream progress paused: {}", e.getMessage());
        }
      }, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }
    return executor;
  }
}
