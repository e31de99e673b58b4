package org.civic311.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One round of bench/live: {@code SUBSCRIBERS} event streams open on a server (0 for the
 * baseline), then requests POSTed at a steady {@code RATE} per second for {@code SECONDS}; prints
 * the POSTs' latency and, with subscribers, the delivery latency of every event to every stream
 * (from the moment its POST was sent to the moment a stream read it). The streams are read
 * asynchronously by the JDK's client, without a thread each.
 *
 * <p>Usage: {@code LiveSubscribers BASE_URL SUBSCRIBERS RATE SECONDS}
 */
public final class LiveSubscribers {
  private static final Pattern MARK = Pattern.compile("live-bench-([a-z]+)-(\\d+)");

  public static void main(String[] args) throws Exception {
    String base = args[0];
    int subscribers = Integer.parseInt(args[1]);
    int rate = Integer.parseInt(args[2]);
    int seconds = Integer.parseInt(args[3]);
    int total = rate * seconds;
    // Letters, not digits: a long run of digits in a description is masked as a phone number.
    StringBuilder token = new StringBuilder();
    java.util.Random random = new java.util.Random();
    for (int i = 0; i < 8; i++) {
      token.append((char) ('a' + random.nextInt(26)));
    }
    String run = token.toString();
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(30)).build();
    long[] sentAt = new long[total];
    Map<Integer, Boolean> seen = new ConcurrentHashMap<>();
    AtomicLongArray latencies = new AtomicLongArray(Math.max(1, total * Math.max(1, subscribers)));
    AtomicInteger count = new AtomicInteger();
    AtomicInteger open = new AtomicInteger();
    CountDownLatch opened = new CountDownLatch(subscribers);
    List<HttpResponse<Void>> streams = new ArrayList<>();
    for (int i = 0; i < subscribers; i++) {
      HttpRequest r = HttpRequest.newBuilder(URI.create(base + "/open311/v2/events")).GET().build();
      client.sendAsync(r, HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
        @Override
        public void onSubscribe(Flow.Subscription s) {
          s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
          if (line.startsWith(": connected")) {
            open.incrementAndGet();
            opened.countDown();
          } else if (line.startsWith("data:")) {
            Matcher m = MARK.matcher(line);
            if (m.find() && m.group(1).equals(run)) {
              int seq = Integer.parseInt(m.group(2));
              long at = sentAt[seq];
              if (at != 0) {
                int k = count.getAndIncrement();
                if (k < latencies.length()) {
                  latencies.set(k, System.nanoTime() - at);
                }
              }
            }
          }
        }

        @Override
        public void onError(Throwable t) {}

        @Override
        public void onComplete() {}
      }));
    }
    if (!opened.await(120, TimeUnit.SECONDS)) {
      System.err.println("only " + open.get() + " of " + subscribers + " streams opened");
    }
    long[] postMicros = new long[total];
    long period = 1_000_000_000L / rate;
    long start = System.nanoTime();
    List<java.util.concurrent.CompletableFuture<?>> posts = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      long due = start + i * period;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      int seq = i;
      String body = "api_key=demo-key&service_code=S0361&lat=38.8977&long=-77.0365&description=live-bench-" + run
          + "-" + seq;
      HttpRequest post = HttpRequest.newBuilder(URI.create(base + "/open311/v2/requests.json"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
      long t0 = System.nanoTime();
      sentAt[seq] = t0;
      posts.add(client.sendAsync(post, HttpResponse.BodyHandlers.discarding())
          .thenAccept(resp -> postMicros[seq] = resp.statusCode() == 200 ? (System.nanoTime() - t0) / 1000 : -1));
    }
    for (var f : posts) {
      f.get(60, TimeUnit.SECONDS);
    }
    long expected = (long) total * subscribers;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (count.get() < expected && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    long[] post = Arrays.stream(postMicros).filter(x -> x > 0).sorted().toArray();
    int failed = (int) Arrays.stream(postMicros).filter(x -> x <= 0).count();
    System.out.printf("posts %d (%d failed) at %d/s: p50 %.1f ms, p99 %.1f ms%n", total, failed, rate,
        pct(post, 0.50) / 1000.0, pct(post, 0.99) / 1000.0);
    if (subscribers > 0) {
      int n = (int) Math.min(count.get(), latencies.length());
      long[] lat = new long[n];
      for (int i = 0; i < n; i++) {
        lat[i] = latencies.get(i);
      }
      Arrays.sort(lat);
      System.out.printf("streams %d open of %d; deliveries %d of %d expected: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          open.get(), subscribers, count.get(), expected, pct(lat, 0.50) / 1e6, pct(lat, 0.99) / 1e6,
          n == 0 ? 0 : lat[n - 1] / 1e6);
    }
    System.exit(0);
  }

  private static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
  }
}
