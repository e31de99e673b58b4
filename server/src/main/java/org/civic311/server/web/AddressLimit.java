package org.civic311.server.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits attempts (sign-ins, report POSTs) per client address on this node: at most {@code limit} in
 * {@code windowSeconds}. Enough to stop a script flooding the city with reports from one
 * address; a real attack needs the proxy's or the firewall's help too.
 */
public final class AddressLimit {
  private static final int MAX_ADDRESSES = 100_000;
  private final int limit;
  private final long windowMillis;
  private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();

  public AddressLimit(int limit, int windowSeconds) {
    this.limit = limit;
    this.windowMillis = windowSeconds * 1000L;
  }

  /** Records a POST; false when the address is over its limit. */
  public boolean allow(String address, long now) {
    if (recent.size() > MAX_ADDRESSES) {
      recent.clear();
    }
    Deque<Long> times = recent.computeIfAbsent(address, a -> new ArrayDeque<>());
    synchronized (times) {
      while (!times.isEmpty() && times.peekFirst() <= now - windowMillis) {
        times.pollFirst();
      }
      if (times.size() >= limit) {
        return false;
      }
      times.addLast(now);
      return true;
    }
  }
}
