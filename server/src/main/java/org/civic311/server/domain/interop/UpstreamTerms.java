package org.civic311.server.domain.interop;

import java.util.List;
import java.util.Map;

/**
 * What the configuration says of an upstream endpoint (see {@code config.UpstreamSettings}):
 * where it is, our key and jurisdiction there, which services go (all when {@code services} is
 * null), and our service and attribute codes mapped to the upstream's.
 */
public record UpstreamTerms(String url, String apiKey, String jurisdictionId, List<String> services,
    Map<String, String> serviceCodes, Map<String, Map<String, String>> attributes, int timeoutSeconds, int firstRetrySeconds,
    int pullSeconds) {
  public UpstreamTerms {
    services = services == null ? null : List.copyOf(services);
    serviceCodes = Map.copyOf(serviceCodes);
    attributes = Map.copyOf(attributes);
  }
}
