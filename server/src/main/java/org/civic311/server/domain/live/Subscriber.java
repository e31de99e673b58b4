package org.civic311.server.domain.live;

/**
 * One listener of the live events, such as an open event stream. The hub calls it from its own
 * thread and must never wait on it: {@link #deliver} only queues, and a listener that cannot keep
 * up closes itself (its client resumes from the last id it got).
 */
public interface Subscriber {
  EventFilter filter();

  /** Queues one event that passed the filter; false when the listener is gone. */
  boolean deliver(LiveEvent event);

  /** Queues a sign of life for proxies that close quiet connections; false when the listener is gone. */
  boolean heartbeat();

  /** Called once when the hub lets it go (closed by the hub or gone). */
  void close();
}
