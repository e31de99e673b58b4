package org.civic311.server.domain;

import java.util.List;

/**
 * A call the domain will not carry out, with the reasons in words meant for the caller. The
 * web layer turns the {@link Reason} into an HTTP status and the messages into an error document.
 */
public final class Refusal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the call was refused. */
  public enum Reason { INVALID, FORBIDDEN, NOT_FOUND, CONFLICT, UNAVAILABLE }

  private final Reason reason;
  private final transient List<String> messages;

  public Refusal(Reason reason, List<String> messages) {
    super(String.join("; ", messages));
    this.reason = reason;
    this.messages = List.copyOf(messages);
  }

  public static Refusal invalid(String message) {
    return new Refusal(Reason.INVALID, List.of(message));
  }

  public static Refusal forbidden(String message) {
    return new Refusal(Reason.FORBIDDEN, List.of(message));
  }

  public static Refusal notFound(String message) {
    return new Refusal(Reason.NOT_FOUND, List.of(message));
  }

  public static Refusal conflict(String message) {
    return new Refusal(Reason.CONFLICT, List.of(message));
  }

  public Reason reason() {
    return reason;
  }

  public List<String> messages() {
    return messages;
  }
}
