package org.civic311.server.web;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;

/**
 * What the HTML pages (public and staff) send and check for safety: a content security policy
 * that allows only the server's own scripts and the map's tile server, no framing, no sniffing;
 * and whether a POST came from another site.
 */
public final class PageSecurity {
  private final String contentSecurityPolicy;

  /** {@code tileOrigin}: the scheme and host map tiles come from (see {@code MapSettings}). */
  public PageSecurity(String tileOrigin) {
    this("default-src 'self'; img-src 'self' data: blob: " + tileOrigin
        + "; style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; base-uri 'none';"
        + " form-action 'self'; frame-ancestors 'none'", true);
  }

  private PageSecurity(String contentSecurityPolicy, boolean asGiven) {
    this.contentSecurityPolicy = contentSecurityPolicy;
  }

  /** The same headers with a policy of the page's own (a page that needs less, or something else). */
  public static PageSecurity withPolicy(String contentSecurityPolicy) {
    return new PageSecurity(contentSecurityPolicy, true);
  }

  /** Adds the page headers, with the given {@code Cache-Control}. */
  public void decorate(HttpFields.Mutable headers, String cacheControl) {
    headers.put("Cache-Control", cacheControl);
    headers.put("Content-Security-Policy", contentSecurityPolicy);
    headers.put("X-Frame-Options", "DENY");
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("Referrer-Policy", "same-origin");
  }

  /**
   * True when the browser says the call came from another site: {@code Sec-Fetch-Site} other
   * than same-origin, or an {@code Origin} whose host is not the one asked. Old clients that send
   * neither pass; the CSRF token (staff) and the per-address limit (public) still apply.
   */
  public static boolean crossSite(Request request) {
    String site = request.getHeaders().get("Sec-Fetch-Site");
    if (site != null && !site.equals("same-origin") && !site.equals("none")) {
      return true;
    }
    String origin = request.getHeaders().get("Origin");
    if (origin == null || origin.equals("null")) {
      return false;
    }
    String host = request.getHeaders().get("Host");
    return host == null || !origin.replaceFirst("^https?://", "").equalsIgnoreCase(host);
  }
}
