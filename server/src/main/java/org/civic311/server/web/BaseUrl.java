package org.civic311.server.web;

import org.eclipse.jetty.server.Request;

/**
 * The public root URL of this server, such as {@code https://311.example.org}: the configured
 * {@code public_url}, or else what the client used (with proxies' {@code Forwarded} headers
 * applied by Jetty).
 */
public final class BaseUrl {
  private BaseUrl() {}

  public static String of(Request request, ApiSettings settings) {
    if (settings.publicUrl() != null) {
      return settings.publicUrl().replaceAll("/+$", "");
    }
    String scheme = request.getHttpURI().getScheme();
    String host = Request.getServerName(request);
    int port = Request.getServerPort(request);
    boolean defaultPort = port <= 0 || "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
    String authority = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return scheme + "://" + authority + (defaultPort ? "" : ":" + port);
  }
}
