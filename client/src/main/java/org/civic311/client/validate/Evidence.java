package org.civic311.client.validate;

/**
 * What a finding rests on: the call, its URL, the status and {@code Content-Type} received
 * (0 and null when no answer came), and the start of the body.
 */
public record Evidence(String call, String url, int status, String contentType, String excerpt) {
  /** Evidence of a call that got no answer. */
  public static Evidence noAnswer(String call, String url) {
    return new Evidence(call, url, 0, null, null);
  }
}
