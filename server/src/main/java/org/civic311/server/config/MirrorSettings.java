package org.civic311.server.config;

/**
 * Another city's Open311 endpoint a jurisdiction mirrors ({@code mirror:} in a jurisdiction): its
 * catalogue is copied and its requests harvested every {@code every_seconds}; new requests made
 * here are forwarded to it. {@code since_days} is how far back the first harvest reaches (and
 * each later one, for a source that cannot be asked for what changed);
 * {@code timeout_seconds} bounds each call.
 */
public record MirrorSettings(
    String url,
    String jurisdictionId,
    String apiKey,
    Integer everySeconds,
    Integer sinceDays,
    Integer timeoutSeconds) {
  public MirrorSettings {
    everySeconds = everySeconds == null ? 600 : everySeconds;
    sinceDays = sinceDays == null ? 90 : sinceDays;
    timeoutSeconds = timeoutSeconds == null ? 30 : timeoutSeconds;
  }

  /** Only the URL, with the defaults. */
  public static MirrorSettings of(String url) {
    return new MirrorSettings(url, null, null, null, null, null);
  }
}
