package org.civic311.server.config;

/**
 * Live events (the {@code live} section): event streams and webhooks.
 *
 * @param maxStreams           event streams one node keeps open at once (default 5,000); more get a 503
 * @param webhooksAllowPrivate whether webhooks may point at loopback, private, link-local or other
 *                             non-public addresses (default false: a hook is no way into the city's
 *                             own network). For tests and receivers on the same host only.
 */
public record LiveSettings(Integer maxStreams, Boolean webhooksAllowPrivate) {
  public LiveSettings {
    maxStreams = maxStreams == null ? 5_000 : maxStreams;
    webhooksAllowPrivate = webhooksAllowPrivate != null && webhooksAllowPrivate;
  }

  public static LiveSettings defaults() {
    return new LiveSettings(null, null);
  }
}
