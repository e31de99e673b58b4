package org.civic311.server.domain.opendata;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.civic311.server.storage.Cursor;

/**
 * Reads a cursor on a thread of its own, a few chunks ahead of the thread that writes what it
 * reads, so a download reads the database and encodes the file at the same time (each took about
 * half of an export on one thread). At most {@value #DEPTH} chunks wait, so memory stays
 * bounded whatever the size of the result.
 *
 * <p>The cursor is opened, read and closed on the reading thread only. {@link #close} stops the
 * reading after the row at hand and waits for the cursor to be closed, so a caller that returns
 * has given its connection back; closing is how a writer whose client went away ends the read.
 * A failure of the read reaches the writer from {@link #next}.
 */
final class ReadAhead<R, T> implements AutoCloseable {
  private static final int DEPTH = 4;
  private static final Object END = new Object();
  private static final long JOIN_MILLIS = 30_000;
  private final BlockingQueue<Object> chunks = new ArrayBlockingQueue<>(DEPTH);
  private final Thread reader;
  private volatile boolean stopped;
  private boolean ended;

  private record Failed(RuntimeException cause) {}

  ReadAhead(String name, Supplier<Cursor<R>> open, Function<R, T> map, int chunk) {
    // The reading thread reads where the caller's reads would go (a replica, for a public download).
    org.civic311.server.storage.ReadScope scope = org.civic311.server.storage.ReadScope.current();
    reader = new Thread(() -> {
      try (org.civic311.server.storage.ReadScope.Entered in = scope.enter()) {
        read(open, map, chunk);
      }
    }, name);
    reader.setDaemon(true);
    reader.start();
  }

  /** The next chunk of rows in order, or null when the cursor is done. */
  @SuppressWarnings("unchecked")
  List<T> next() throws InterruptedException {
    if (ended) {
      return null;
    }
    Object o = chunks.take();
    if (o == END) {
      ended = true;
      return null;
    }
    if (o instanceof Failed f) {
      ended = true;
      throw f.cause();
    }
    return (List<T>) o;
  }

  private void read(Supplier<Cursor<R>> open, Function<R, T> map, int chunk) {
    try (Cursor<R> cursor = open.get()) {
      List<T> batch = new ArrayList<>(chunk);
      while (!stopped && cursor.hasNext()) {
        batch.add(map.apply(cursor.next()));
        if (batch.size() == chunk) {
          hand(batch);
          batch = new ArrayList<>(chunk);
        }
      }
      if (!batch.isEmpty()) {
        hand(batch);
      }
      hand(END);
    } catch (RuntimeException e) {
      hand(new Failed(e));
    } catch (Error e) {
      hand(new Failed(new IllegalStateException("reading the rows failed", e)));
    }
  }

  /** Waits for room, unless the writer has stopped listening. */
  private void hand(Object o) {
    try {
      while (!stopped) {
        if (chunks.offer(o, 100, TimeUnit.MILLISECONDS)) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped = true;
    }
  }

  /** Stops the reading and waits until the cursor is closed. */
  @Override
  public void close() {
    stopped = true;
    chunks.clear();
    boolean interrupted = false;
    long deadline = System.currentTimeMillis() + JOIN_MILLIS;
    while (reader.isAlive() && System.currentTimeMillis() < deadline) {
      try {
        reader.join(Math.max(1, deadline - System.currentTimeMillis()));
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
