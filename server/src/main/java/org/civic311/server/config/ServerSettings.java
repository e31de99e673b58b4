package org.civic311.server.config;

/**
 * How the server listens and describes itself.
 *
 * @param port          TCP port; 0 picks a free one (default 8080)
 * @param basePath      where the GeoReport API lives (default {@code /open311/v2})
 * @param publicUrl     the base URL clients use, for discovery; default: taken from each request
 * @param maxBodyBytes  the largest POST body accepted (default 1 MiB); larger is a 413
 * @param contact       discovery {@code contact}
 * @param keyService    discovery {@code key_service}
 * @param endpointType  discovery endpoint {@code type}: {@code production} (default) or {@code test}
 * @param corsOrigins   origins whose browser apps may call the API; {@code *} (the default) allows any
 * @param catalogueRefreshSeconds how often a node looks for catalogue changes made by other nodes
 *     (default 5)
 * @param trustForwardedHeaders whether the client's address and scheme are taken from
 *     {@code X-Forwarded-For} / {@code Forwarded} headers (default false). Only behind a reverse
 *     proxy that sets them: otherwise any client could name its own address and slip past the
 *     per-address limits on reports and sign-ins.
 * @param host          the address to listen on, such as {@code 0.0.0.0} or {@code 127.0.0.1};
 *     null when the file names none, and then {@code serve} chooses (see its {@code --host})
 */
public record ServerSettings(
    Integer port,
    String basePath,
    String publicUrl,
    Integer maxBodyBytes,
    String contact,
    String keyService,
    String endpointType,
    java.util.List<String> corsOrigins,
    Integer catalogueRefreshSeconds,
    Boolean trustForwardedHeaders,
    String host) {

  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_BASE_PATH = "/open311/v2";
  public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

  public ServerSettings {
    port = port == null ? DEFAULT_PORT : port;
    basePath = basePath == null ? DEFAULT_BASE_PATH : basePath;
    maxBodyBytes = maxBodyBytes == null ? DEFAULT_MAX_BODY_BYTES : maxBodyBytes;
    contact = contact == null ? "" : contact;
    keyService = keyService == null ? "" : keyService;
    endpointType = endpointType == null ? "production" : endpointType;
    catalogueRefreshSeconds = catalogueRefreshSeconds == null ? 5 : catalogueRefreshSeconds;
    trustForwardedHeaders = trustForwardedHeaders != null && trustForwardedHeaders;
    corsOrigins = corsOrigins == null ? java.util.List.of("*") : java.util.List.copyOf(corsOrigins);
  }

  /** Every setting at its default, as for a file without a {@code server} section. */
  public static ServerSettings defaults() {
    return new ServerSettings(null, null, null, null, null, null, null, null, null, null, null);
  }
}
