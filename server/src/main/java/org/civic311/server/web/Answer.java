package org.civic311.server.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a route answers, whatever its family: a status, a typed body (a GeoReport document, a
 * page, JSON for a map, a file) or a redirect, and the headers that belong to this answer alone
 * (cookies, {@code Allow}, validators). The door adds what every answer of a family shares.
 */
public record Answer(int status, String contentType, byte[] body, String location, List<String> cookies,
    List<Header> headers, Stream stream) {

  /**
   * A body written as it is made, for answers as large as a city's history: the door calls it on
   * a thread that may block, once the headers are out. An {@link java.io.IOException} from
   * {@code out} means the client went away: stop, and free what the writing holds.
   */
  @FunctionalInterface
  public interface Stream {
    void writeTo(java.io.OutputStream out) throws java.io.IOException;
  }

  /** One header of this answer. */
  public record Header(String name, String value) {}

  public static Answer of(int status, String contentType, byte[] body) {
    return new Answer(status, contentType, body, null, List.of(), List.of(), null);
  }

  public static Answer html(int status, String html) {
    return of(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
  }

  public static Answer json(String json) {
    return of(200, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
  }

  public static Answer text(int status, String text) {
    return of(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A streamed answer. Validators are the route's to give (an {@code ETag} from a change marker):
   * the door cannot checksum bytes it has not made.
   */
  public static Answer streamed(int status, String contentType, Stream stream) {
    return new Answer(status, contentType, new byte[0], null, List.of(), List.of(), stream);
  }

  /** A 303 after a form, so that reloading the next page does not post again. */
  public static Answer seeOther(String location) {
    return redirect(303, location);
  }

  public static Answer redirect(int status, String location) {
    return new Answer(status, null, new byte[0], location, List.of(), List.of(), null);
  }

  public Answer withCookie(String setCookie) {
    List<String> all = new ArrayList<>(cookies);
    all.add(setCookie);
    return new Answer(status, contentType, body, location, List.copyOf(all), headers, stream);
  }

  public Answer withHeader(String name, String value) {
    List<Header> all = new ArrayList<>(headers);
    all.removeIf(h -> h.name().equalsIgnoreCase(name));
    all.add(new Header(name, value));
    return new Answer(status, contentType, body, location, cookies, List.copyOf(all), stream);
  }

  /** The value of one of this answer's own headers, or null. */
  public String header(String name) {
    for (Header h : headers) {
      if (h.name().equalsIgnoreCase(name)) {
        return h.value();
      }
    }
    return null;
  }
}
