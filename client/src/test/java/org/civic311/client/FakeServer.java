package org.civic311.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

/**
 * A tiny real HTTP server on a free port for the client's tests: each path (without the query)
 * answers with what its handler says, and every call is recorded.
 */
public final class FakeServer implements AutoCloseable {
  /** Answers one call. */
  @FunctionalInterface
  public interface Handler {
    void handle(Call call) throws IOException;
  }

  /** A received call and the means to answer it. */
  public static final class Call {
    private final HttpExchange exchange;
    private final byte[] body;

    Call(HttpExchange exchange, byte[] body) {
      this.exchange = exchange;
      this.body = body;
    }

    public String method() {
      return exchange.getRequestMethod();
    }

    public String path() {
      return exchange.getRequestURI().getRawPath();
    }

    /** The raw query, or "" when there is none. */
    public String query() {
      String q = exchange.getRequestURI().getRawQuery();
      return q == null ? "" : q;
    }

    public String header(String name) {
      return exchange.getRequestHeaders().getFirst(name);
    }

    public byte[] body() {
      return body;
    }

    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public void answer(int status, String contentType, byte[] bytes, String... headers) throws IOException {
      if (contentType != null) {
        exchange.getResponseHeaders().set("Content-Type", contentType);
      }
      for (int i = 0; i + 1 < headers.length; i += 2) {
        exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
      }
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }

    public void answer(int status, String contentType, String text, String... headers) throws IOException {
      answer(status, contentType, text.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** The raw exchange, for handlers that stream. */
    public HttpExchange exchange() {
      return exchange;
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fake-server");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, Handler> routes = new ConcurrentHashMap<>();
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private volatile Handler fallback = c -> c.answer(404, "text/plain", "no such path");

  public FakeServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(threads);
    server.createContext("/", exchange -> {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      Call call = new Call(exchange, body);
      calls.add(call.method() + " " + call.path() + (call.query().isEmpty() ? "" : "?" + call.query()));
      Handler h = routes.getOrDefault(call.path(), fallback);
      try {
        h.handle(call);
      } catch (IOException | RuntimeException e) {
        // the client went away, or a test handler failed: nothing more to send
      } finally {
        exchange.close();
      }
    });
    server.start();
  }

  /** The handler of one path, such as {@code /v2/services.xml}. */
  public FakeServer on(String path, Handler handler) {
    routes.put(path, handler);
    return this;
  }

  /** A path answering a fixed body. */
  public FakeServer serve(String path, int status, String contentType, byte[] body) {
    return on(path, c -> c.answer(status, contentType, body));
  }

  /** The handler of every path without its own. */
  public FakeServer otherwise(Handler handler) {
    fallback = handler;
    return this;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The URL of a path on this server. */
  public String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  /** Every call so far, as {@code METHOD path?query}. */
  public List<String> calls() {
    return List.copyOf(calls);
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
