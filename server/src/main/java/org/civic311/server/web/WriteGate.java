package org.civic311.server.web;

/**
 * What the door asks of the rate limits on a route that writes: before the body (the caller's
 * address, a key named in the query) and after it (a key in the body); either may refuse with
 * a 429 {@link Failure}. {@link #decorate} adds the limit's headers to the answer.
 */
public interface WriteGate {
  default void beforeBody(Exchange x) {}

  default void afterBody(Exchange x) {}

  default Answer decorate(Exchange x, Answer a) {
    return a;
  }
}
