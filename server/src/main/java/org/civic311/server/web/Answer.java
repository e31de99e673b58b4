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

  /**
   * A body that stays open and is written when there is something to say (an event stream),
   * holding no thread while it waits: the door sends the headers, then calls {@link #open} once
   * with the call's channel. Everything sent is written in order, without blocking the sender.
   */
  @FunctionalInterface
  public interface Live extends Stream {
    void open(Channel channel);

    @Override
    default void writeTo(java.io.OutputStream out) {
      throw new UnsupportedOperationException("a live answer is opened, not written");
    }
  }

  /** The open end of a {@link Live} answer. Thread-safe. */
  public interface Channel {
    /**
     * Queues bytes to be written after those sent before; false when the channel is closed, or
     * now closes because more than its bound waits unwritten (a client that does not read).
     */
    boolean send(byte[] bytes);

    /** Ends the answer once what is queued is written. */
    void close();

    /** Runs once the channel is closed, by either side. */
    void onClose(Runnable then);
  }

  /** An answer that stays open ({@link Live}); the door adds no validators to it. */
  public static Answer live(String contentType, Live live) {
    return new Answer(200, contentType, new byte[0], null, List.of(), List.of(), live);
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
