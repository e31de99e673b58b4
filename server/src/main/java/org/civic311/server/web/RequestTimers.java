package org.civic311.server.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The timer of every call, labelled by its route's pattern (never the raw path, so a client
 * cannot make new series), method and status. The timers of a route are kept beside it, found
 * by the route's identity and a number made of method and status, so a call builds no tag
 * strings and looks nothing up by name.
 */
final class RequestTimers {
  static final String NAME = "http.server.requests";
  private static final String[] METHODS = {"GET", "HEAD", "POST", "OPTIONS", "OTHER"};
  private static final Duration[] BUCKETS = {
      Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
      Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
      Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};
  private final MeterRegistry registry;
  private final Map<Route, PerRoute> byRoute;
  private final PerRoute unmatched;

  /** @param registry where the timers go, or null to measure nothing */
  RequestTimers(MeterRegistry registry, List<Route> routes) {
    this.registry = registry;
    Map<Route, PerRoute> m = new IdentityHashMap<>();
    for (Route r : routes) {
      m.put(r, new PerRoute(r.pattern().toString()));
    }
    this.byRoute = m;
    this.unmatched = new PerRoute("unmatched");
  }

  void record(Route route, String method, int status, long nanos) {
    if (registry == null) {
      return;
    }
    PerRoute p = route == null ? unmatched : byRoute.get(route);
    if (p == null) {
      p = unmatched;
    }
    p.timer(methodIndex(method), status).record(nanos, TimeUnit.NANOSECONDS);
  }

  private static int methodIndex(String method) {
    return switch (method) {
      case "GET" -> 0;
      case "HEAD" -> 1;
      case "POST" -> 2;
      case "OPTIONS" -> 3;
      default -> 4;
    };
  }

  private final class PerRoute {
    final String pattern;
    final ConcurrentHashMap<Integer, Timer> timers = new ConcurrentHashMap<>();

    PerRoute(String pattern) {
      this.pattern = pattern;
    }

    Timer timer(int method, int status) {
      int key = method * 1000 + status;
      Timer t = timers.get(key);
      return t != null ? t : timers.computeIfAbsent(key, k -> Timer.builder(NAME)
          .description("Calls through the front door, by route pattern, method and status")
          .tag("route", pattern)
          .tag("method", METHODS[method])
          .tag("status", Integer.toString(status))
          .serviceLevelObjectives(BUCKETS)
          .register(registry));
    }
  }
}
