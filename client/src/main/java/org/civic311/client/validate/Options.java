package org.civic311.client.validate;

import java.time.Duration;
import java.util.Objects;

/**
 * How to validate an endpoint: its URL (a base URL, or a discovery URL ending in
 * {@code discovery.xml} or {@code .json}), the key and jurisdiction to send, the service to
 * POST to (none: nothing is ever posted), the pause between calls, the most calls to make, and
 * each call's timeout and largest answer. Immutable; vary with the {@code with...} methods.
 */
public record Options(String url, String apiKey, String jurisdiction, String postService, Duration delay,
    int maxCalls, Duration callTimeout, long maxAnswerBytes) {

  public Options {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(callTimeout, "callTimeout");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("the delay must not be negative");
    }
    if (maxCalls < 1 || maxCalls > 1000) {
      throw new IllegalArgumentException("the call budget must be 1 to 1000, not " + maxCalls);
    }
  }

  /** The defaults: no key, no POST, 250 ms between calls, at most 60 calls of 15 s and 8 MiB each. */
  public static Options of(String url) {
    return new Options(url, null, null, null, Duration.ofMillis(250), 60, Duration.ofSeconds(15), 8L * 1024 * 1024);
  }

  public Options withApiKey(String key) {
    return new Options(url, key, jurisdiction, postService, delay, maxCalls, callTimeout, maxAnswerBytes);
  }

  public Options withJurisdiction(String j) {
    return new Options(url, apiKey, j, postService, delay, maxCalls, callTimeout, maxAnswerBytes);
  }

  /** POST one request to this service (and read it back); null posts nothing. */
  public Options withPost(String service) {
    return new Options(url, apiKey, jurisdiction, service, delay, maxCalls, callTimeout, maxAnswerBytes);
  }

  public Options withDelay(Duration d) {
    return new Options(url, apiKey, jurisdiction, postService, d, maxCalls, callTimeout, maxAnswerBytes);
  }

  public Options withMaxCalls(int n) {
    return new Options(url, apiKey, jurisdiction, postService, delay, n, callTimeout, maxAnswerBytes);
  }

  public Options withCallTimeout(Duration t) {
    return new Options(url, apiKey, jurisdiction, postService, delay, maxCalls, t, maxAnswerBytes);
  }

  public Options withMaxAnswerBytes(long bytes) {
    return new Options(url, apiKey, jurisdiction, postService, delay, maxCalls, callTimeout, bytes);
  }
}
