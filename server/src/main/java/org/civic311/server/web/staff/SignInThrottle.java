package org.civic311.server.web.staff;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits sign-in attempts per client address on this node: at most {@value #LIMIT} in
 * {@value #WINDOW_SECONDS} seconds. The per-account lock in the database (see
 * {@code Accounts}) is what stops a guesser spread over many nodes or addresses; this stops one
 * address from trying many accounts.
 */
final class SignInThrottle {
  static final int LIMIT = 20;
  static final int WINDOW_SECONDS = 300;
  private static final int MAX_ADDRESSES = 100_000;
  private final Map<String, Deque<Long>> attempts = new ConcurrentHashMap<>();

  /** Records an attempt; false when the address is over its limit. */
  boolean allow(String address, long now) {
    if (attempts.size() > MAX_ADDRESSES) {
      attempts.clear();
    }
    Deque<Long> times = attempts.computeIfAbsent(address, a -> new ArrayDeque<>());
    synchronized (times) {
      while (!times.isEmpty() && times.peekFirst() < now - WINDOW_SECONDS * 1000L) {
        times.pollFirst();
      }
      if (times.size() >= LIMIT) {
        return false;
      }
      times.addLast(now);
      return true;
    }
  }
}
