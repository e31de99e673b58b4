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
  private final java.util.List<String> args;

  public Failure(int status, String message) {
    this(status, java.util.List.of(message), null, java.util.List.of());
  }

  /** A failure with several messages, each a fault of its own (a GeoReport error list shows each). */
  public Failure(int status, java.util.List<String> messages) {
    this(status, messages, null, java.util.List.of());
  }

  private Failure(int status, java.util.List<String> messages, String key, java.util.List<Answer.Header> headers) {
    this(status, messages, key, java.util.List.of(), headers);
  }

  private Failure(int status, java.util.List<String> messages, String key, java.util.List<String> args,
      java.util.List<Answer.Header> headers) {
    super(String.join(" ", messages));
    this.status = status;
    this.key = key;
    this.args = java.util.List.copyOf(args);
    this.headers = headers;
    this.messages = java.util.List.copyOf(messages);
  }

  /**
   * A failure worded by a key and its arguments, which a page family shows in the reader's language;
   * {@code plain} is the same in the default language, for families that show messages as they are.
   */
  public static Failure worded(int status, org.civic311.server.domain.Wording wording, String plain) {
    return new Failure(status, java.util.List.of(plain), wording.key(), wording.args(), java.util.List.of());
  }

  /** A failure shown through the message with this key in the reader's language. */
  public static Failure keyed(int status, String key) {
    return new Failure(status, java.util.List.of(key), key, java.util.List.of());
  }

  /** The same failure with a header its answer needs (such as {@code Retry-After}). */
  public Failure with(String name, String value) {
    java.util.List<Answer.Header> more = new java.util.ArrayList<>(headers);
    more.add(new Answer.Header(name, value));
    return new Failure(status, messages, key, args, java.util.List.copyOf(more));
  }

  public int status() {
    return status;
  }

  /** The message key, or null when the message is to be shown as it is. */
  public String key() {
    return key;
  }

  /** The key's arguments (none for most keys). */
  public java.util.List<String> args() {
    return args;
  }

  /** The words of a keyed failure, for {@code Messages.get(Wording)}; null when the failure has no key. */
  public org.civic311.server.domain.Wording wording() {
    return key == null ? null : new org.civic311.server.domain.Wording(key, args);
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
