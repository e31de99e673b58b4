package org.civic311.server.web.staff;

import java.util.ArrayList;
import java.util.List;

/** What a staff page answers: an HTML page, JSON for a map, or a redirect; plus cookies to set. */
record PageReply(int status, String contentType, byte[] body, String location, List<String> cookies) {

  static PageReply html(int status, String html) {
    return new PageReply(status, "text/html; charset=utf-8", Exchange.utf8(html), null, List.of());
  }

  static PageReply json(String json) {
    return new PageReply(200, "application/json; charset=utf-8", Exchange.utf8(json), null, List.of());
  }

  /** A 303 after a form, so that reloading the next page does not post again. */
  static PageReply seeOther(String location) {
    return new PageReply(303, null, new byte[0], location, List.of());
  }

  PageReply withCookie(String setCookie) {
    List<String> all = new ArrayList<>(cookies);
    all.add(setCookie);
    return new PageReply(status, contentType, body, location, all);
  }
}
