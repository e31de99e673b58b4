package org.civic311.server.app;

import java.time.Clock;
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

/** The configured upstream endpoints, and the thread that forwards to them. */
final class Upstreams {
  /** How often each node looks for due rows in the outbox. */
  static final long POLL_MILLIS = 1000;
  private static final Logger LOG = LoggerFactory.getLogger(Upstreams.class);

  private Upstreams() {}

  static Map<String, Upstream> of(Configuration config) {
    Map<String, Upstream> upstreams = new LinkedHashMap<>();
    for (JurisdictionSettings j : config.jurisdictions()) {
      UpstreamSettings u = j.upstream();
      if (u != null) {
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
