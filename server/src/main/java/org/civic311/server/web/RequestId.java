package org.civic311.server.web;

import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.MDC;

/**
 * The id that ties together the log lines of one call and its answer: a client's or proxy's
 * {@code X-Request-Id} when it is short and plain, else a new one. It is in the log context
 * ({@code request_id}) while the call runs on a thread, and in the answer's header.
 */
final class RequestId {
  static final String HEADER = "X-Request-Id";
  /** The key in SLF4J's MDC. */
  static final String KEY = "request_id";
  private static final int MAX = 64;

  private RequestId() {}

  /** The given id when it is sane (1 to 64 of {@code A-Z a-z 0-9 . _ -}), else a new random one. */
  static String of(String given) {
    if (given != null && !given.isEmpty() && given.length() <= MAX) {
      boolean plain = true;
      for (int i = 0; i < given.length() && plain; i++) {
        char c = given.charAt(i);
        plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
            || c == '-';
      }
      if (plain) {
        return given;
      }
    }
    // Not a secret, only unique enough to find one call's lines among a day's.
    return Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
  }

  /** Puts the id in the log context; returns what was there, for {@link #leave}. */
  static String enter(String id) {
    String outer = MDC.get(KEY);
    MDC.put(KEY, id);
    return outer;
  }

  static void leave(String outer) {
    if (outer == null) {
      MDC.remove(KEY);
    } else {
      MDC.put(KEY, outer);
    }
  }
}
