package org.civic311.server.config;

import java.util.List;

/**
 * What operators watch the server through (the {@code operations} section): {@code /metrics}
 * and the readiness probe. {@code /health/live} and {@code /health/ready} are open to all, since
 * load balancers and probes carry no credentials; they say nothing but up or down and which check
 * failed.
 *
 * @param metrics            whether requests, pools, the writer and the JVM are measured and
 *                           {@code /metrics} answers (default true); off, the route is a 404
 * @param metricsAllow       client addresses allowed to read {@code /metrics}, as CIDR blocks
 *                           (default loopback only: {@code 127.0.0.0/8} and {@code ::1/128}). Behind
 *                           a proxy with {@code server.trust_forwarded_headers}, the address is the
 *                           one the proxy reports.
 * @param metricsToken       when set, {@code /metrics} also requires {@code Authorization: Bearer
 *                           <token>} (at least 16 characters); default none
 * @param writerStuckSeconds readiness fails when a write has waited this long for the database
 *                           (default 30)
 */
public record OperationsSettings(Boolean metrics, List<String> metricsAllow, String metricsToken,
    Integer writerStuckSeconds) {
  public static final List<String> LOOPBACK = List.of("127.0.0.0/8", "::1/128");

  public OperationsSettings {
    metrics = metrics == null || metrics;
    metricsAllow = metricsAllow == null ? LOOPBACK : List.copyOf(metricsAllow);
    metricsToken = metricsToken == null || metricsToken.isBlank() ? null : metricsToken;
    writerStuckSeconds = writerStuckSeconds == null ? 30 : writerStuckSeconds;
  }

  public static OperationsSettings defaults() {
    return new OperationsSettings(null, null, null, null);
  }
}
