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
  private final transient Answer.Header header;
  private final java.util.List<String> messages;

  public Failure(int status, String message) {
    this(status, java.util.List.of(message), null, null);
  }

  /** A failure with several messages, each a fault of its own (a GeoReport error list shows each). */
  public Failure(int status, java.util.List<String> messages) {
    this(status, messages, null, null);
  }

  private Failure(int status, java.util.List<String> messages, String key, Answer.Header header) {
    super(String.join(" ", messages));
    this.status = status;
    this.key = key;
    this.header = header;
    this.messages = java.util.List.copyOf(messages);
  }

  /** A failure shown through the message with this key in the reader's language. */
  public static Failure keyed(int status, String key) {
    return new Failure(status, java.util.List.of(key), key, null);
  }

  /** The same failure with a header its answer needs (such as {@code Retry-After}). */
  public Failure with(String name, String value) {
    return new Failure(status, messages, key, new Answer.Header(name, value));
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

  /** A header the answer must carry, or null. */
  public Answer.Header header() {
    return header;
  }
}
