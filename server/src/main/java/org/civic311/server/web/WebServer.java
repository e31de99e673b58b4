package org.civic311.server.web;

import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The embedded Jetty server carrying the front door. Start it once; {@link #port()} then tells the
 * port it listens on (useful with port 0); {@link #stop()} closes it.
 */
public final class WebServer {
  private final Server server;
  private final ServerConnector connector;
  private final FrontDoor door;

  /** How the connector guards itself: see {@link ConnectionGuard}. */
  public record Guard(int connectionsPerAddress, long headerMillis, long idleMillis) {}

  public WebServer(String host, int port, FrontDoor door, boolean trustForwardedHeaders, Guard guard) {
    this.door = door;
    QueuedThreadPool threads = new QueuedThreadPool(200, 8);
    threads.setName("http");
    server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendDateHeader(true);
    if (trustForwardedHeaders) {
      // Behind a reverse proxy: the client's address and scheme (for Secure cookies) come from it.
      http.addCustomizer(new ForwardedRequestCustomizer());
    }
    // Service codes may hold '/' when encoded as %2F; the routes decode them themselves. An empty
    // segment ('//') is what a client builds from a base URL with a trailing slash: the door
    // makes it one slash.
    http.setUriCompliance(UriCompliance.DEFAULT.with("civic311",
        UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR, UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING,
        UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT));
    connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(port);
    connector.setIdleTimeout(guard.idleMillis());
    connector.setAcceptQueueSize(1024);
    server.addConnector(connector);
    connector.addBean(new ConnectionGuard(guard.connectionsPerAddress(), guard.headerMillis(), server.getScheduler()));
    // Pages, scripts and documents are compressed for clients that accept gzip (images are not:
    // they are compressed already). Leaflet's script, for one, shrinks from 147 KB to 43 KB.
    GzipHandler gzip = new GzipHandler();
    gzip.setMinGzipSize(1024);
    gzip.setHandler(door);
    server.setHandler(gzip);
    server.setErrorHandler(new GeoReportErrorHandler());
    server.setStopTimeout(5_000);
  }

  public void start() throws Exception {
    server.start();
  }

  public int port() {
    return connector.getLocalPort();
  }

  public FrontDoor door() {
    return door;
  }

  public void stop() throws Exception {
    server.stop();
  }

  public void join() throws InterruptedException {
    server.join();
  }
}
