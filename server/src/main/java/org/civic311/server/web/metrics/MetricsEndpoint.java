package org.civic311.server.web.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Predicate;
import org.civic311.server.web.Answer;
import org.civic311.server.web.Exchange;
import org.civic311.server.web.Failure;
import org.civic311.server.web.OperationsFamily;
import org.civic311.server.web.Routes;

/**
 * {@code GET /metrics}: every meter in the Prometheus text format. Only clients whose address the
 * configuration allows (loopback by default) and, when a token is set, that send it as
 * {@code Authorization: Bearer}; anyone else gets a bare 403, which tells nothing of why.
 */
public final class MetricsEndpoint {
  private static final String TYPE = "text/plain; version=0.0.4; charset=utf-8";
  private final PrometheusMeterRegistry registry;
  private final Predicate<String> allowedAddress;
  private final byte[] bearer;
  private final OperationsFamily family;

  /**
   * @param allowedAddress whether a client address may read the metrics
   * @param token          the bearer token also required, or null for none
   */
  public MetricsEndpoint(PrometheusMeterRegistry registry, Predicate<String> allowedAddress, String token,
      OperationsFamily family) {
    this.registry = registry;
    this.allowedAddress = allowedAddress;
    this.bearer = token == null ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    this.family = family;
  }

  public void routes(Routes r) {
    r.get("/metrics", family, this::scrape);
  }

  private Answer scrape(Exchange x) {
    if (!allowed(x)) {
      throw new Failure(403, "forbidden");
    }
    return Answer.of(200, TYPE, registry.scrape().getBytes(StandardCharsets.UTF_8));
  }

  private boolean allowed(Exchange x) {
    if (!allowedAddress.test(x.client())) {
      return false;
    }
    if (bearer == null) {
      return true;
    }
    String given = x.header("Authorization");
    return given != null && MessageDigest.isEqual(bearer, given.getBytes(StandardCharsets.UTF_8));
  }
}
