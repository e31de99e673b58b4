package org.civic311.server.config;

import java.util.List;
import java.util.Map;

/**
 * An upstream Open311 endpoint a jurisdiction forwards its new requests to ({@code upstream:} in a
 * jurisdiction). {@code services} limits forwarding to those of our service codes (all when
 * absent); {@code service_codes} maps our codes to the upstream's (the same code when absent);
 * {@code attributes} maps, per our service code, our attribute codes to the upstream's (answers
 * to unmapped attributes are sent under our code). {@code first_retry_seconds} is the first wait
 * after a failed attempt; each next one doubles, up to an hour. {@code pull_seconds} is how often the
 * upstream is asked for the progress of the forwarded requests still open here.
 */
public record UpstreamSettings(
    String url,
    String apiKey,
    String jurisdictionId,
    List<String> services,
    Map<String, String> serviceCodes,
    Map<String, Map<String, String>> attributes,
    Integer timeoutSeconds,
    Integer firstRetrySeconds,
    Integer pullSeconds) {
  public UpstreamSettings {
    services = services == null ? null : List.copyOf(services);
    serviceCodes = serviceCodes == null ? Map.of() : Map.copyOf(serviceCodes);
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    timeoutSeconds = timeoutSeconds == null ? 30 : timeoutSeconds;
    firstRetrySeconds = firstRetrySeconds == null ? 5 : firstRetrySeconds;
    pullSeconds = pullSeconds == null ? 300 : pullSeconds;
  }

  /** True when requests of our service {@code code} go upstream. */
  public boolean forwards(String code) {
    return services == null || services.contains(code);
  }
}
