package org.civic311.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Holds many slow clients open against one server, all on one thread with one selector: each
 * sends the headers of a POST at once, declaring a body of {@code declared} bytes, then trickles
 * {@code bytes} bytes of that body every {@code everyMs} milliseconds (staggered, so the server
 * sees a steady drip rather than bursts). A server that waits for such bodies with a thread each
 * runs out of threads long before the connections run out; one that enforces a minimum data rate
 * or a per-address cap closes them, and {@link Tally} counts which happened.
 *
 * <p>Usage from one thread: {@link #open}, then {@link #hold} for as long as wanted (it returns
 * when the time is up or when told to stop), {@link #tally} at any point, and {@link #close}.
 * Not thread-safe.
 */
final class SlowConnections implements AutoCloseable {
  /** How the connections ended up. Every opened connection is in exactly one of the counts. */
  record Tally(int wanted, int connected, int connectFailed, int kept, int closedByServer,
      Map<Integer, Integer> answered, double medianSecondsToEnd) {
    int answeredTotal() {
      return answered.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** {@code 408x12,413x3}, or {@code -} when none was answered. */
    String answeredCodes() {
      StringBuilder b = new StringBuilder();
      answered.forEach((code, n) -> b.append(b.length() == 0 ? "" : ",").append(code).append('x').append(n));
      return b.length() == 0 ? "-" : b.toString();
    }
  }

  private enum State { CONNECTING, TRICKLING, KEPT_SENT, CONNECT_FAILED, CLOSED, ANSWERED }

  private static final class Slow {
    final SocketChannel channel;
    final long offsetNs;
    State state = State.CONNECTING;
    long connectedNs;
    long endedNs;
    long nextNs;
    int sent;
    int status;
    ByteBuffer pending;
    final ByteBuffer reply = ByteBuffer.allocate(64);

    Slow(SocketChannel channel, long offsetNs) {
      this.channel = channel;
      this.offsetNs = offsetNs;
    }
  }

  private final InetSocketAddress server;
  private final byte[] head;
  private final byte[] body;
  private final int bytes;
  private final long everyNs;
  private final Selector selector;
  private final List<Slow> all = new ArrayList<>();
  private int connectFailed;

  /**
   * @param baseUrl the server, such as {@code http://127.0.0.1:8080}
   * @param target the path and query the POSTs go to
   * @param declared the body's declared Content-Length
   * @param bytes bytes of body sent at each step
   * @param everyMs milliseconds between two steps of one connection
   */
  SlowConnections(String baseUrl, String target, int declared, int bytes, long everyMs) throws IOException {
    URI uri = URI.create(baseUrl);
    this.server = new InetSocketAddress(uri.getHost(), uri.getPort());
    this.head = ("POST " + target + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
        + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + declared + "\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
    // A valid report, padded to the declared length, in case a connection lives long enough to finish.
    StringBuilder form = new StringBuilder("api_key=demo-key&service_code=S0361&address_id=ADDR-17&description=Slow+client+");
    while (form.length() < declared) {
      form.append('x');
    }
    this.body = form.substring(0, declared).getBytes(StandardCharsets.US_ASCII);
    this.bytes = bytes;
    this.everyNs = TimeUnit.MILLISECONDS.toNanos(everyMs);
    this.selector = Selector.open();
  }

  /**
   * Starts {@code count} connections from 127.0.0.{@code first}..127.0.0.({@code first} +
   * {@code sources} - 1), round robin, in batches, and drives them until all are connected, have
   * failed, or {@code budgetMs} has passed (those still connecting then count as failed).
   */
  void open(int count, int first, int sources, long budgetMs) throws IOException {
    long start = System.nanoTime();
    long deadline = start + TimeUnit.MILLISECONDS.toNanos(budgetMs);
    int batch = 100;
    for (int i = 0; i < count && System.nanoTime() < deadline; i++) {
      SocketChannel c = SocketChannel.open();
      c.configureBlocking(false);
      c.setOption(StandardSocketOptions.TCP_NODELAY, true);
      Slow s = new Slow(c, everyNs * i / Math.max(1, count));
      all.add(s);
      try {
        c.bind(new InetSocketAddress(LoopbackConnection.source(first, i, sources), 0));
        if (c.connect(server)) {
          connected(s);
        } else {
          c.register(selector, SelectionKey.OP_CONNECT, s);
        }
      } catch (IOException e) {
        fail(s);
      }
      if (i % batch == batch - 1) {
        step(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20));
      }
    }
    while (System.nanoTime() < deadline && all.stream().anyMatch(s -> s.state == State.CONNECTING)) {
      step(Math.min(deadline, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50)));
    }
    for (Slow s : all) {
      if (s.state == State.CONNECTING) {
        fail(s);
      }
    }
    connectFailed += count - all.size();
  }

  /** Keeps trickling until {@code stop} is set, for {@code maxMillis} at most. */
  void hold(long maxMillis, BooleanSupplier stop) throws IOException {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
    while (System.nanoTime() < end && !stop.getAsBoolean()) {
      step(Math.min(end, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20)));
    }
  }

  /** Whether any connection is still open (trickling, or waiting for its answer). */
  boolean anyOpen() {
    return all.stream().anyMatch(s -> s.state == State.TRICKLING || s.state == State.KEPT_SENT);
  }

  Tally tally(int wanted) {
    int kept = 0;
    int closed = 0;
    int connected = 0;
    Map<Integer, Integer> answered = new TreeMap<>();
    List<Double> ends = new ArrayList<>();
    for (Slow s : all) {
      if (s.state != State.CONNECT_FAILED) {
        connected++;
      }
      switch (s.state) {
        case TRICKLING, KEPT_SENT -> kept++;
        case CLOSED -> closed++;
        case ANSWERED -> answered.merge(s.status, 1, Integer::sum);
        default -> { }
      }
      if (s.state == State.CLOSED || s.state == State.ANSWERED) {
        ends.add((s.endedNs - s.connectedNs) / 1e9);
      }
    }
    double median = Double.NaN;
    if (!ends.isEmpty()) {
      double[] sorted = ends.stream().mapToDouble(Double::doubleValue).toArray();
      Arrays.sort(sorted);
      median = Stats.percentile(sorted, 50);
    }
    return new Tally(wanted, connected, connectFailed + (int) all.stream().filter(s -> s.state == State.CONNECT_FAILED)
        .count(), kept, closed, answered, median);
  }

  /** One pass: waits for events until {@code untilNs} at most, then sends what is due. */
  private void step(long untilNs) throws IOException {
    long waitMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(untilNs - System.nanoTime()));
    selector.select(waitMs);
    for (SelectionKey key : selector.selectedKeys()) {
      Slow s = (Slow) key.attachment();
      if (!key.isValid()) {
        continue;
      }
      try {
        if (key.isConnectable()) {
          if (s.channel.finishConnect()) {
            connected(s);
          }
        } else if (key.isReadable()) {
          readFrom(s);
        } else if (key.isWritable()) {
          flush(s);
        }
      } catch (IOException e) {
        if (s.state == State.CONNECTING) {
          fail(s);
        } else {
          end(s, State.CLOSED, 0);
        }
      }
    }
    selector.selectedKeys().clear();
    long now = System.nanoTime();
    for (Slow s : all) {
      if (s.state == State.TRICKLING && s.pending == null && now >= s.nextNs) {
        int n = Math.min(bytes, body.length - s.sent);
        s.pending = ByteBuffer.wrap(body, s.sent, n);
        s.sent += n;
        s.nextNs += everyNs;
        try {
          flush(s);
        } catch (IOException e) {
          end(s, State.CLOSED, 0);
        }
      }
    }
  }

  private void connected(Slow s) throws IOException {
    s.state = State.TRICKLING;
    s.connectedNs = System.nanoTime();
    s.nextNs = s.connectedNs + s.offsetNs;
    s.channel.register(selector, SelectionKey.OP_READ, s);
    s.pending = ByteBuffer.wrap(head);
    flush(s);
  }

  private void flush(Slow s) throws IOException {
    s.channel.write(s.pending);
    SelectionKey key = s.channel.keyFor(selector);
    if (s.pending.hasRemaining()) {
      key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
      return;
    }
    s.pending = null;
    key.interestOps(SelectionKey.OP_READ);
    if (s.sent >= body.length) {
      s.state = State.KEPT_SENT;
    }
  }

  /** The server said something: the start of an answer, or the end of the connection. */
  private void readFrom(Slow s) throws IOException {
    int n = s.channel.read(s.reply);
    if (n < 0) {
      end(s, s.reply.position() > 0 ? State.ANSWERED : State.CLOSED, status(s));
      return;
    }
    int status = status(s);
    if (status > 0) {
      end(s, State.ANSWERED, status);
    } else if (!s.reply.hasRemaining()) {
      end(s, State.ANSWERED, 0);
    }
  }

  /** The status code of {@code HTTP/1.1 NNN} once 12 bytes have come, else 0. */
  private static int status(Slow s) {
    if (s.reply.position() < 12) {
      return 0;
    }
    String line = new String(s.reply.array(), 0, 12, StandardCharsets.ISO_8859_1);
    try {
      return line.startsWith("HTTP/1.") ? Integer.parseInt(line.substring(9, 12)) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private void end(Slow s, State state, int status) {
    s.state = state;
    s.status = status;
    s.endedNs = System.nanoTime();
    closeQuietly(s.channel);
  }

  private void fail(Slow s) {
    s.state = State.CONNECT_FAILED;
    closeQuietly(s.channel);
  }

  private static void closeQuietly(SocketChannel c) {
    try {
      c.close();
    } catch (IOException e) {
      // Closing is all that was wanted.
    }
  }

  /** Closes every connection still open, and the selector. */
  @Override
  public void close() {
    for (Slow s : all) {
      closeQuietly(s.channel);
    }
    try {
      selector.close();
    } catch (IOException e) {
      // Nothing left to release.
    }
  }
}
