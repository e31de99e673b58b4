package org.civic311.server.web.citizen;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** What a public page answers: HTML or JSON, or a redirect; plus cookies to set. */
record Reply(int status, String contentType, byte[] body, String location, List<String> cookies) {

  static Reply html(int status, String html) {
    return new Reply(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), null, List.of());
  }

  static Reply json(String json) {
    return new Reply(200, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8), null,
        List.of());
  }

  static Reply seeOther(String location) {
    return new Reply(303, null, new byte[0], location, List.of());
  }

  Reply withCookie(String cookie) {
    List<String> all = new ArrayList<>(cookies);
    all.add(cookie);
    return new Reply(status, contentType, body, location, all);
  }
}
