package org.civic311.server.domain.interop;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.civic311.client.ClientConfig;
import org.civic311.client.GeoReportClient;

/**
 * Another city's Open311 endpoint read as a mirror or by {@code import open311}: its base URL,
 * the jurisdiction there, our key there, and a client whose answers are cut at
 * {@link #MAX_ANSWER_BYTES}, so a hostile or broken source cannot fill our memory.
 */
public record MirrorSource(String url, String jurisdictionId, String apiKey, int timeoutSeconds) {
  /** The largest answer read from a source; a page of 1,000 requests is about 1 MiB. */
  public static final long MAX_ANSWER_BYTES = 16L * 1024 * 1024;

  /** The base URL without a trailing slash: the {@code external_source} of what is harvested. */
  public String name() {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** A jurisdiction id made from the source's host and port, such as {@code 311.city.gov}. */
  public String suggestedId() {
    URI u = URI.create(name());
    String host = u.getHost() == null ? "open311-source" : u.getHost().toLowerCase(Locale.ROOT);
    return (u.getPort() > 0 ? host + "-" + u.getPort() : host).replaceAll("[^A-Za-z0-9._~-]", "-");
  }

  GeoReportClient client() {
    return GeoReportClient.create(ClientConfig.builder()
        .baseUrl(url)
        .apiKey(apiKey)
        .jurisdiction(jurisdictionId)
        .callTimeout(Duration.ofSeconds(timeoutSeconds))
        .connectTimeout(Duration.ofSeconds(Math.min(10, timeoutSeconds)))
        .format(org.civic311.georeport.Format.JSON)
        .maxAnswerBytes(MAX_ANSWER_BYTES)
        .userAgent("civic311-mirror/0.1")
        .build());
  }
}
