package org.civic311.server.web;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The channel of a {@link Answer.Live} answer: bytes queue here and are written one write at a
 * time (Jetty takes one pending write per response), each write started by the end of the one
 * before, so no thread waits on a slow client. A client that lets more than {@link #BOUND} bytes
 * pile up is cut off; it resumes from the last id it got.
 */
final class LiveChannel implements Answer.Channel {
  static final int BOUND = 256 * 1024;
  private final Response response;
  private final Runnable ended;
  private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
  private final List<Runnable> onClose = new ArrayList<>();
  private int queued;
  private boolean writing;
  private boolean closing;
  private boolean closed;

  LiveChannel(Response response, Runnable ended) {
    this.response = response;
    this.ended = ended;
  }

  @Override
  public boolean send(byte[] bytes) {
    synchronized (this) {
      if (closing || closed) {
        return false;
      }
      if (queued + bytes.length > BOUND) {
        closing = true;
        queue.clear();
        queued = 0;
      } else {
        queue.add(bytes);
        queued += bytes.length;
      }
      if (writing) {
        return !closing;
      }
      writing = true;
    }
    next();
    return !isClosing();
  }

  private synchronized boolean isClosing() {
    return closing || closed;
  }

  /** Writes what is queued as one buffer, or ends the answer when asked and nothing is left. */
  private void next() {
    ByteBuffer buffer;
    boolean last;
    synchronized (this) {
      if (closed) {
        return;
      }
      if (queue.isEmpty()) {
        if (!closing) {
          writing = false;
          return;
        }
        buffer = null;
        last = true;
      } else {
        byte[] all = new byte[queued];
        int at = 0;
        for (byte[] b : queue) {
          System.arraycopy(b, 0, all, at, b.length);
          at += b.length;
        }
        queue.clear();
        queued = 0;
        buffer = ByteBuffer.wrap(all);
        last = false;
      }
    }
    if (last) {
      response.write(true, null, Callback.from(this::finish, failure -> finish()));
    } else {
      response.write(false, buffer, Callback.from(this::next, failure -> finish()));
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closing || closed) {
        return;
      }
      closing = true;
      if (writing) {
        return;
      }
      writing = true;
    }
    next();
  }

  private void finish() {
    List<Runnable> then;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      queue.clear();
      then = List.copyOf(onClose);
    }
    for (Runnable r : then) {
      r.run();
    }
    ended.run();
  }

  @Override
  public void onClose(Runnable then) {
    boolean now;
    synchronized (this) {
      now = closed;
      if (!now) {
        onClose.add(then);
      }
    }
    if (now) {
      then.run();
    }
  }
}
