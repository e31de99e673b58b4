package org.civic311.server.domain.live;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.civic311.server.domain.Refusal;
import org.civic311.server.storage.EventRecord;
import org.civic311.server.storage.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the event log on this node and hands every new event to the listening subscribers.
 *
 * <p>One thread reads the log a short while after it last found nothing ({@code pollMillis}),
 * which wakes every node of a shared PostgreSQL alike; each event is made public once and given
 * to every subscriber whose filter takes it. Subscribers never hold a thread: delivery only
 * queues. A subscriber that resumes from an id reads what it missed from the log on one of two
 * catch-up threads, then joins the live run under the hub's lock at the exact id the hub has
 * reached, so nothing is given twice or skipped.
 */
public final class EventHub implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);
  static final int BATCH = 500;
  private final EventStore store;
  private final EventPublisher publisher;
  private final long pollMillis;
  private final long heartbeatMillis;
  private final int maxSubscribers;
  private final Object lock = new Object();
  private final List<Entry> live = new ArrayList<>();
  private final AtomicInteger count = new AtomicInteger();
  private final java.util.Queue<Subscriber> leaving = new java.util.concurrent.ConcurrentLinkedQueue<>();
  private final ExecutorService catchUp;
  private final Thread thread;
  private volatile boolean closed;
  /** The id of the newest event handed out; guarded by {@code lock} for writes. */
  private volatile long head;

  private static final class Entry {
    final Subscriber subscriber;
    long position;
    boolean dropped;

    Entry(Subscriber subscriber, long position) {
      this.subscriber = subscriber;
      this.position = position;
    }
  }

  public EventHub(EventStore store, EventPublisher publisher, long pollMillis, long heartbeatMillis,
      int maxSubscribers) {
    this.store = store;
    this.publisher = publisher;
    this.pollMillis = pollMillis;
    this.heartbeatMillis = heartbeatMillis;
    this.maxSubscribers = maxSubscribers;
    this.head = store.newest();
    this.catchUp = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "live-catch-up");
      t.setDaemon(true);
      return t;
    });
    this.thread = new Thread(this::loop, "live-events");
    thread.setDaemon(true);
    thread.start();
  }

  /** The newest event handed out on this node. */
  public long head() {
    return head;
  }

  /** The newest event in the log, which on a shared database may be ahead of this node's hub. */
  public long newest() {
    return store.newest();
  }

  /** How many subscribers listen on this node. */
  public int subscribers() {
    return count.get();
  }

  /**
   * Adds a subscriber from now on ({@code after} null) or from just after the id it last had.
   *
   * @throws Refusal when the node has as many subscribers as it takes
   */
  public void subscribe(Subscriber s, Long after) {
    if (count.incrementAndGet() > maxSubscribers) {
      count.decrementAndGet();
      throw new Refusal(Refusal.Reason.UNAVAILABLE,
          List.of("this server has " + maxSubscribers + " event streams open; try again later"));
    }
    if (after == null) {
      synchronized (lock) {
        live.add(new Entry(s, head));
      }
      return;
    }
    Entry e = new Entry(s, after);
    catchUp.execute(() -> catchUp(e));
  }

  private void catchUp(Entry e) {
    try {
      while (!closed) {
        synchronized (lock) {
          if (e.position >= head) {
            live.add(e);
            return;
          }
        }
        List<LiveEvent> missed = publisher.publish(store.after(e.position, BATCH));
        for (LiveEvent event : missed) {
          if (!give(e, event)) {
            drop(e);
            return;
          }
        }
      }
    } catch (RuntimeException ex) {
      LOG.warn("an event stream could not catch up: {}", ex.getMessage());
      drop(e);
    }
  }

  /** Gives an event to a subscriber if it is past its position and passes its filter. */
  private static boolean give(Entry e, LiveEvent event) {
    if (event.id() <= e.position) {
      return true;
    }
    e.position = event.id();
    return !e.subscriber.filter().matches(event.entry()) || e.subscriber.deliver(event);
  }

  private void drop(Entry e) {
    synchronized (e) {
      if (e.dropped) {
        return;
      }
      e.dropped = true;
    }
    count.decrementAndGet();
    try {
      e.subscriber.close();
    } catch (RuntimeException ex) {
      LOG.debug("closing a subscriber failed", ex);
    }
  }

  private void loop() {
    long lastBeat = System.nanoTime();
    while (!closed) {
      try {
        letLeaversGo();
        List<EventRecord> entries = store.after(head, BATCH);
        if (!entries.isEmpty()) {
          dispatch(publisher.publish(entries));
        }
        if (System.nanoTime() - lastBeat > heartbeatMillis * 1_000_000) {
          lastBeat = System.nanoTime();
          beat();
        }
        if (entries.size() < BATCH) {
          Thread.sleep(pollMillis);
        }
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException ex) {
        LOG.warn("reading the event log failed: {}", ex.getMessage(), ex);
        try {
          Thread.sleep(1000);
        } catch (InterruptedException stop) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private void dispatch(List<LiveEvent> events) {
    List<Entry> dead = new ArrayList<>();
    synchronized (lock) {
      for (Entry e : live) {
        for (LiveEvent event : events) {
          if (!give(e, event)) {
            dead.add(e);
            break;
          }
        }
      }
      head = events.get(events.size() - 1).id();
      live.removeAll(dead);
    }
    dead.forEach(this::drop);
  }

  private void beat() {
    List<Entry> dead = new ArrayList<>();
    synchronized (lock) {
      for (Entry e : live) {
        if (!e.subscriber.heartbeat()) {
          dead.add(e);
        }
      }
      live.removeAll(dead);
    }
    dead.forEach(this::drop);
  }

  /**
   * Lets a subscriber go whose client went away. It may be called from a subscriber's own close,
   * inside a delivery, so it only notes the leaver; the hub's thread lets it go.
   */
  public void unsubscribe(Subscriber s) {
    leaving.add(s);
  }

  private void letLeaversGo() {
    if (leaving.isEmpty()) {
      return;
    }
    java.util.Set<Subscriber> gone = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Subscriber s; (s = leaving.poll()) != null; ) {
      gone.add(s);
    }
    List<Entry> dead = new ArrayList<>();
    synchronized (lock) {
      live.removeIf(e -> gone.contains(e.subscriber) && dead.add(e));
    }
    dead.forEach(this::drop);
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    catchUp.shutdownNow();
    List<Entry> all;
    synchronized (lock) {
      all = new ArrayList<>(live);
      live.clear();
    }
    for (Entry e : all) {
      e.subscriber.close();
    }
  }
}
