package org.civic311.server.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * What an HTML page (public or staff) answers: a page, JSON for a map, or a redirect; plus
 * cookies to set. {@link #send} writes it with the pages' security headers.
 */
public record PageReply(int status, String contentType, byte[] body, String location, List<String> cookies) {

  public static PageReply html(int status, String html) {
    return new PageReply(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), null,
        List.of());
  }

  public static PageReply json(String json) {
    return new PageReply(200, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8), null,
        List.of());
  }

  /** A 303 after a form, so that reloading the next page does not post again. */
  public static PageReply seeOther(String location) {
    return new PageReply(303, null, new byte[0], location, List.of());
  }

  public PageReply withCookie(String setCookie) {
    List<String> all = new ArrayList<>(cookies);
    all.add(setCookie);
    return new PageReply(status, contentType, body, location, all);
  }

  /** Writes the reply with the page security headers and the given {@code Cache-Control}. */
  public void send(Response response, Callback callback, PageSecurity security, String cacheControl) {
    response.setStatus(status);
    var h = response.getHeaders();
    if (contentType != null) {
      h.put(HttpHeader.CONTENT_TYPE, contentType);
    }
    if (location != null) {
      h.put(HttpHeader.LOCATION, location);
    }
    for (String c : cookies) {
      h.add(HttpHeader.SET_COOKIE, c);
    }
    security.decorate(h, cacheControl);
    response.write(true, ByteBuffer.wrap(body), callback);
  }
}
