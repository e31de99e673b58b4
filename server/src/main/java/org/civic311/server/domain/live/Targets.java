package org.civic311.server.domain.live;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import org.civic311.server.domain.Refusal;

/**
 * Where a webhook may send: http or https URLs whose host resolves only to public addresses,
 * unless the configuration allows private ones. Checked when a hook is registered and again
 * before every delivery, after the name is resolved; the JDK caches the answer it checked, so
 * the connection that follows at once goes to the address judged. Redirects are never followed.
 */
public final class Targets {
  private final boolean allowPrivate;

  public Targets(boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
  }

  /** The URL, read and checked; throws a {@link Refusal} saying what is wrong with it. */
  public URI check(String url) {
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (java.net.URISyntaxException e) {
      throw Refusal.invalid("url must be an http or https URL; this is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw Refusal.invalid("url must be an http or https URL, not '" + (scheme.isEmpty() ? url : scheme + ":") + "'");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw Refusal.invalid("url has no host");
    }
    if (uri.getUserInfo() != null) {
      throw Refusal.invalid("url must not carry a user name or password");
    }
    if (url.length() > 2000) {
      throw Refusal.invalid("url is longer than 2,000 characters");
    }
    resolve(uri);
    return uri;
  }

  /** Resolves the host and refuses a non-public address; the answer is what the connection will use. */
  public void resolve(URI uri) {
    InetAddress[] all;
    try {
      all = InetAddress.getAllByName(uri.getHost());
    } catch (UnknownHostException e) {
      throw Refusal.invalid("url's host " + uri.getHost() + " is not known");
    }
    if (allowPrivate) {
      return;
    }
    for (InetAddress a : all) {
      if (!isPublic(a)) {
        throw Refusal.invalid("url's host " + uri.getHost() + " is " + a.getHostAddress()
            + ", a loopback, private or link-local address; webhooks go to public addresses only");
      }
    }
  }

  static boolean isPublic(InetAddress a) {
    if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return false;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first != 0 && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT
          && !(first == 198 && (second == 18 || second == 19)) && first < 240;
    }
    if (a instanceof Inet6Address) {
      int first = b[0] & 0xff;
      if ((first & 0xfe) == 0xfc) {
        return false; // unique local fc00::/7
      }
      boolean mapped = true;
      for (int i = 0; i < 10; i++) {
        mapped &= b[i] == 0;
      }
      if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
        try {
          return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
        } catch (UnknownHostException e) {
          return false;
        }
      }
    }
    return true;
  }
}
