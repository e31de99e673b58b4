package org.civic311.server.web;

/**
 * A call that ends in an error answer, raised anywhere between the door and a route: its status
 * and either a message to show as it is or the key of a message in the reader's language. The
 * route's family renders it (a GeoReport error document, or an error page).
 */
public final class Failure extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String key;
  private final transient java.util.List<Answer.Header> headers;
  private final java.util.List<String> messages;

  public Failure(int status, String message) {
    this(status, java.util.List.of(message), null, java.util.List.of());
  }

  /** A failure with several messages, each a fault of its own (a GeoReport error list shows each). */
  public Failure(int status, java.util.List<String> messages) {
    this(status, messages, null, java.util.List.of());
  }

  private Failure(int status, java.util.List<String> messages, String key, java.util.List<Answer.Header> headers) {
    super(String.join(" ", messages));
    this.status = status;
    this.key = key;
    this.headers = headers;
    this.messages = java.util.List.copyOf(messages);
  }

  /** A failure shown through the message with this key in the reader's language. */
  public static Failure keyed(int status, String key) {
    return new Failure(status, java.util.List.of(key), key, java.util.List.of());
  }

  /** The same failure with a header its answer needs (such as {@code Retry-After}). */
  public Failure with(String name, String value) {
    java.util.List<Answer.Header> more = new java.util.ArrayList<>(headers);
    more.add(new Answer.Header(name, value));
    return new Failure(status, messages, key, java.util.List.copyOf(more));
  }

  public int status() {
    return status;
  }

  /** The message key, or null when the message is to be shown as it is. */
  public String key() {
    return key;
  }

  /** Each message of this failure. */
  public java.util.List<String> messages() {
    return messages;
  }

  /** The headers the answer must carry. */
  public java.util.List<Answer.Header> headers() {
    return headers;
  }
}
