package org.civic311.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One HTTP/1.1 keep-alive connection to a server on the loopback interface, from a chosen source
 * address. On Linux every address of 127.0.0.0/8 is the loopback interface, so binding the client
 * socket to 127.0.0.2, 127.0.0.3, ... makes the server see several clients without any setup;
 * the JDK's HttpClient cannot choose its source address before Java 19, hence this small client.
 *
 * <p>One request at a time; not thread-safe: each simulated client owns one. Every call is bounded
 * by its timeout: a watchdog closes the socket at the deadline, so even a write that the server
 * never reads returns. After a failure, a timeout or a {@code Connection: close} the next call
 * opens a new connection. Only what the benchmarks need is read: the status, {@code Retry-After}
 * and the body's length (Content-Length, chunked, or up to the close), plus its first bytes for
 * messages.
 */
final class LoopbackConnection implements AutoCloseable {
  /**
   * What came back. {@code status} is 0 when no answer came ({@code failure} then says why:
   * {@code timeout}, {@code reset}, {@code closed}, {@code refused}...).
   */
  record Answer(int status, String retryAfter, long bytes, String start, String failure) {
    boolean answered() {
      return status > 0;
    }

    /** Retry-After in ms when the answer has one in seconds (the form servers send), else 0. */
    long retryAfterMs() {
      try {
        return retryAfter == null ? 0 : Math.max(0, Long.parseLong(retryAfter.trim()) * 1000);
      } catch (NumberFormatException e) {
        return 1000;
      }
    }
  }

  private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "loopback-watchdog");
    t.setDaemon(true);
    return t;
  });
  private static final int KEEP_BODY_START = 300;

  private final InetSocketAddress server;
  private final String host;
  private final InetAddress source;
  private volatile Socket socket;
  private InputStream in;
  private OutputStream out;

  /** A connection to the server of {@code baseUrl} (http, 127.x only) from {@code source}. */
  LoopbackConnection(String baseUrl, String source) throws IOException {
    URI uri = URI.create(baseUrl);
    this.server = new InetSocketAddress(InetAddress.getByName(uri.getHost()), uri.getPort());
    this.host = uri.getHost() + ":" + uri.getPort();
    this.source = InetAddress.getByName(source);
    if (!this.source.isLoopbackAddress() || !server.getAddress().isLoopbackAddress()) {
      throw new IllegalArgumentException("loopback addresses only: " + source + " -> " + baseUrl);
    }
  }

  /** The source address of client {@code index} of {@code count}: 127.0.0.(first + index % count). */
  static String source(int first, int index, int count) {
    int n = first + index % count;
    if (n > 254) {
      throw new IllegalArgumentException("no more than " + (255 - first) + " source addresses from 127.0.0." + first);
    }
    return "127.0.0." + n;
  }

  Answer get(String target, long timeoutMs) {
    return send("GET", target, null, List.of(), timeoutMs);
  }

  Answer postForm(String target, String form, long timeoutMs) {
    return send("POST", target, "application/x-www-form-urlencoded", List.of(form.getBytes(StandardCharsets.UTF_8)),
        timeoutMs);
  }

  /** Sends one request whose body is the concatenation of {@code body}, and reads the answer. */
  Answer send(String method, String target, String contentType, List<byte[]> body, long timeoutMs) {
    long length = 0;
    for (byte[] b : body) {
      length += b.length;
    }
    AtomicBoolean expired = new AtomicBoolean();
    ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
      expired.set(true);
      abort();
    }, timeoutMs, TimeUnit.MILLISECONDS);
    boolean written = false;
    try {
      if (socket == null) {
        open((int) Math.min(timeoutMs, 10_000));
      }
      StringBuilder head = new StringBuilder()
          .append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
          .append("Host: ").append(host).append("\r\n");
      if (contentType != null) {
        head.append("Content-Type: ").append(contentType).append("\r\n");
      }
      if (!method.equals("GET") || length > 0) {
        head.append("Content-Length: ").append(length).append("\r\n");
      }
      head.append("\r\n");
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      for (byte[] b : body) {
        out.write(b);
      }
      out.flush();
      written = true;
      return read(method);
    } catch (IOException e) {
      // A server that refuses a body often answers before reading it all and closes: the write
      // fails, but the answer may still be waiting in the socket.
      if (!written && !expired.get() && in != null) {
        try {
          return read(method);
        } catch (IOException again) {
          // No answer after all; report the first failure.
        }
      }
      closeSocket();
      return new Answer(0, null, 0, "", expired.get() ? "timeout" : kind(e));
    } finally {
      watchdog.cancel(false);
      if (expired.get()) {
        closeSocket();
      }
    }
  }

  /** A short wait after a request that got no answer, so that a loop over a dead server does not spin. */
  static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void open(int connectTimeoutMs) throws IOException {
    Socket s = new Socket();
    try {
      s.setTcpNoDelay(true);
      s.bind(new InetSocketAddress(source, 0));
      s.connect(server, connectTimeoutMs);
    } catch (IOException e) {
      s.close();
      throw e;
    }
    socket = s;
    in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
    out = new BufferedOutputStream(s.getOutputStream(), 64 * 1024);
  }

  private Answer read(String method) throws IOException {
    String status = line();
    if (status == null) {
      throw new IOException("closed");
    }
    String[] parts = status.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
      throw new IOException("not HTTP: " + status);
    }
    int code = Integer.parseInt(parts[1]);
    long contentLength = -1;
    boolean chunked = false;
    boolean close = parts[0].equals("HTTP/1.0");
    String retryAfter = null;
    for (String h = line(); h != null && !h.isEmpty(); h = line()) {
      int colon = h.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = h.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> contentLength = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        case "connection" -> close = value.toLowerCase(Locale.ROOT).contains("close");
        case "retry-after" -> retryAfter = value;
        default -> { }
      }
    }
    ByteArrayOutputStream start = new ByteArrayOutputStream();
    long bytes;
    if (method.equals("HEAD") || code == 204 || code == 304) {
      bytes = 0;
    } else if (chunked) {
      bytes = 0;
      for (long size = chunkSize(); size > 0; size = chunkSize()) {
        bytes += body(size, start);
        line();
      }
      for (String t = line(); t != null && !t.isEmpty(); t = line()) {
        // trailers
      }
    } else if (contentLength >= 0) {
      bytes = body(contentLength, start);
    } else {
      bytes = body(Long.MAX_VALUE, start);
      close = true;
    }
    if (close) {
      closeSocket();
    }
    return new Answer(code, retryAfter, bytes, start.toString(StandardCharsets.UTF_8), null);
  }

  private long chunkSize() throws IOException {
    String l = line();
    if (l == null) {
      throw new IOException("closed in a chunked body");
    }
    int semi = l.indexOf(';');
    return Long.parseLong((semi < 0 ? l : l.substring(0, semi)).trim(), 16);
  }

  /** Reads {@code n} bytes (or up to the end when n is Long.MAX_VALUE), keeping the first few. */
  private long body(long n, ByteArrayOutputStream start) throws IOException {
    byte[] buffer = new byte[8192];
    long read = 0;
    while (read < n) {
      int r = in.read(buffer, 0, (int) Math.min(buffer.length, n - read));
      if (r < 0) {
        if (n == Long.MAX_VALUE) {
          break;
        }
        throw new IOException("closed in the body");
      }
      if (start.size() < KEEP_BODY_START) {
        start.write(buffer, 0, Math.min(r, KEEP_BODY_START - start.size()));
      }
      read += r;
    }
    return read;
  }

  /** A header line without its CRLF, or null at the end of the stream. */
  private String line() throws IOException {
    StringBuilder b = new StringBuilder();
    for (int c = in.read(); ; c = in.read()) {
      if (c < 0) {
        return b.length() == 0 ? null : b.toString();
      }
      if (c == '\n') {
        int end = b.length();
        return end > 0 && b.charAt(end - 1) == '\r' ? b.substring(0, end - 1) : b.toString();
      }
      if (b.length() > 16 * 1024) {
        throw new IOException("header line too long");
      }
      b.append((char) c);
    }
  }

  private static String kind(IOException e) {
    String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    if (e instanceof java.net.ConnectException || m.contains("refused")) {
      return "refused";
    }
    if (e instanceof java.net.SocketTimeoutException) {
      return "timeout";
    }
    if (m.contains("reset") || m.contains("broken pipe")) {
      return "reset";
    }
    if (m.contains("closed")) {
      return "closed";
    }
    return "io";
  }

  /** From the watchdog: closing the socket makes the owner's blocked read or write fail. */
  private void abort() {
    Socket s = socket;
    if (s != null) {
      try {
        s.close();
      } catch (IOException e) {
        // Closing is all that was wanted.
      }
    }
  }

  private void closeSocket() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // Closing is all that was wanted.
      }
    }
    socket = null;
    in = null;
    out = null;
  }

  @Override
  public void close() {
    closeSocket();
  }
}
