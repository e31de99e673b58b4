package org.civic311.server.config;

/**
 * How the server holds up under careless and hostile traffic (the {@code traffic} section).
 *
 * @param connectionsPerAddress open connections one client address may hold (default 64); more
 *     are closed as they open. Behind a reverse proxy every client shares the proxy's address:
 *     raise it there, and let the proxy cap per client.
 * @param headerTimeoutSeconds how long a new connection may take to send its first request's
 *     headers (default 20)
 * @param bodyTimeoutSeconds how long a small body may take to arrive (default 20); a larger one
 *     gets one more second per 16 KiB, the pace of a poor mobile uplink. Slower is a 408.
 * @param idleTimeoutSeconds how long a keep-alive connection may stay idle (default 30)
 * @param uploadsInFlight multipart bodies read and taken in at once (default 32); more are
 *     answered 503 with {@code Retry-After} before their body is read
 */
public record TrafficSettings(Integer connectionsPerAddress, Integer headerTimeoutSeconds, Integer bodyTimeoutSeconds,
    Integer idleTimeoutSeconds, Integer uploadsInFlight) {

  public TrafficSettings {
    connectionsPerAddress = connectionsPerAddress == null ? 64 : connectionsPerAddress;
    headerTimeoutSeconds = headerTimeoutSeconds == null ? 20 : headerTimeoutSeconds;
    bodyTimeoutSeconds = bodyTimeoutSeconds == null ? 20 : bodyTimeoutSeconds;
    idleTimeoutSeconds = idleTimeoutSeconds == null ? 30 : idleTimeoutSeconds;
    uploadsInFlight = uploadsInFlight == null ? 32 : uploadsInFlight;
  }

  public static TrafficSettings defaults() {
    return new TrafficSettings(null, null, null, null, null);
  }
}
