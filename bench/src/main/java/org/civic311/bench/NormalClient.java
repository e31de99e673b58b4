package org.civic311.bench;

import java.io.IOException;

/**
 * The well-behaved client of {@code bench/hostile}: one connection from 127.0.0.1, one request
 * after another, cycling through {@code GET services.json}, {@code GET requests.json?page_size=50}
 * and a {@code POST requests.json} with the demo key (service S0361 at ADDR-17, which needs no
 * answers). Every request is bounded by the timeout; one that is not answered in time counts
 * with its waiting time and status 0. Like a well-behaved app it honours a write limit: after a
 * 429 it sends no POST until the Retry-After has passed (at least a second), only GETs. Not
 * thread-safe.
 */
final class NormalClient implements AutoCloseable {
  static final String SOURCE = "127.0.0.1";
  private static final String API = "/open311/v2";
  private static final String FORM = "api_key=demo-key&service_code=S0361&address_id=ADDR-17"
      + "&description=Loose+paving+slab+outside+the+library";

  private final LoopbackConnection connection;
  private final long timeoutMs;
  private int next;
  /** After a 429, no POST before this time (its Retry-After): a well-behaved client waits. */
  private long postsAgainNs = Long.MIN_VALUE;

  NormalClient(String baseUrl, long timeoutMs) throws IOException {
    this.connection = new LoopbackConnection(baseUrl, SOURCE);
    this.timeoutMs = timeoutMs;
  }

  /** Sends requests for {@code millis} (the last one may run on up to the timeout). */
  Samples run(long millis) {
    Samples samples = new Samples();
    long end = System.nanoTime() + millis * 1_000_000L;
    while (System.nanoTime() < end) {
      one(samples);
    }
    return samples;
  }

  /** Sends {@code count} requests, for warming up both sides. */
  void warm(int count) {
    Samples ignored = new Samples();
    for (int i = 0; i < count; i++) {
      one(ignored);
    }
  }

  private void one(Samples into) {
    int kind = next++ % 3;
    if (kind == 2 && System.nanoTime() < postsAgainNs) {
      kind = next++ % 3; // told to wait: the GETs go on meanwhile
    }
    long t0 = System.nanoTime();
    LoopbackConnection.Answer a = switch (kind) {
      case 0 -> connection.get(API + "/services.json", timeoutMs);
      case 1 -> connection.get(API + "/requests.json?page_size=50", timeoutMs);
      default -> connection.postForm(API + "/requests.json", FORM, timeoutMs);
    };
    into.add((System.nanoTime() - t0) / 1e6, a.status(), kind == 0 ? "services" : kind == 1 ? "requests" : "post");
    if (a.status() != 200 && Boolean.getBoolean("hostile.verbose")) {
      System.err.println("normal client: " + a.status() + " " + a.failure() + " " + a.start());
    }
    if (!a.answered()) {
      LoopbackConnection.pause(); // a refused connection fails at once: do not spin
    } else if (kind == 2 && a.status() == 429) {
      postsAgainNs = System.nanoTime() + Math.max(1000, a.retryAfterMs()) * 1_000_000L;
    }
  }

  @Override
  public void close() {
    connection.close();
  }
}
