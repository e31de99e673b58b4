package org.civic311.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One round of figure 3 of {@code bench/hostile}: key B posts reports one after another for
 * SECONDS alone, then for SECONDS again while key A floods the same endpoint from A_CLIENTS
 * connections as fast as they are answered. B comes from 127.0.0.1; A's clients from
 * 127.0.0.2, 127.0.0.3, ... one address each, as an app's many users would, so that a limit per
 * address alone cannot hold A back and what is measured is how the server shares itself between keys.
 *
 * <p>B is well-behaved: after a 429 it waits out the Retry-After before posting again, so that on a
 * server with write limits B's own limits (per key, per address) shape both its stretches alike;
 * A ignores them.
 *
 * <p>Usage: {@code KeyFlood BASE_URL KEY_A KEY_B A_CLIENTS SECONDS TIMEOUT_S OUT_PREFIX}; appends
 * B's samples to OUT_PREFIX-b-alone.txt and OUT_PREFIX-b-flood.txt and A's to OUT_PREFIX-a.txt, and
 * prints a {@code phase=...} line for each stretch.
 */
public final class KeyFlood {
  private static final String POSTS = "/open311/v2/requests.json";

  private KeyFlood() {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String keyA = args[1];
    String keyB = args[2];
    int aClients = Integer.parseInt(args[3]);
    long millis = Long.parseLong(args[4]) * 1000;
    long timeoutMs = Long.parseLong(args[5]) * 1000;
    String out = args[6];

    try (LoopbackConnection b = new LoopbackConnection(base, "127.0.0.1")) {
      posts(b, form(keyB, "warm-up"), 20, Long.MAX_VALUE, timeoutMs, new Samples(), null, true);
      Samples alone = new Samples();
      posts(b, form(keyB, "alone"), Integer.MAX_VALUE, millis, timeoutMs, alone, null, true);
      alone.appendTo(Path.of(out + "-b-alone.txt"));
      System.out.println("phase=alone " + alone.summary());

      AtomicBoolean stop = new AtomicBoolean();
      Samples flood = new Samples();
      List<Thread> threads = new ArrayList<>();
      long floodStart = System.nanoTime();
      for (int i = 0; i < aClients; i++) {
        String source = LoopbackConnection.source(2, i, aClients);
        Thread t = new Thread(() -> {
          try (LoopbackConnection a = new LoopbackConnection(base, source)) {
            // Bounded even if never told to stop: the flood's lead-in, B's stretch and a timeout of slack.
            posts(a, form(keyA, "flood"), Integer.MAX_VALUE, millis + 2 * timeoutMs + 5_000, timeoutMs, flood, stop,
                false);
          } catch (Exception e) {
            flood.add(0, 0, "client-failed");
          }
        }, "flood-" + i);
        threads.add(t);
        t.start();
      }
      Thread.sleep(1_000);
      Samples during = new Samples();
      posts(b, form(keyB, "during"), Integer.MAX_VALUE, millis, timeoutMs, during, null, true);
      stop.set(true);
      for (Thread t : threads) {
        t.join(2 * timeoutMs);
      }
      double seconds = (System.nanoTime() - floodStart) / 1e9;
      during.appendTo(Path.of(out + "-b-flood.txt"));
      flood.appendTo(Path.of(out + "-a.txt"));
      System.out.println("phase=flood " + during.summary());
      System.out.printf("phase=a clients=%d rate=%.0f %s%n", aClients, flood.size() / seconds, flood.summary());
    }
    System.exit(0);
  }

  private static String form(String key, String what) {
    return "api_key=" + key + "&service_code=S0361&address_id=ADDR-17&description=Key+flood+bench+" + what;
  }

  /**
   * Posts one after another: {@code count} at most, for {@code millis} at most, until {@code stop}.
   * A {@code polite} client waits out the Retry-After of a 429 (within its time); the flood does not.
   */
  private static void posts(LoopbackConnection c, String form, int count, long millis, long timeoutMs, Samples into,
      AtomicBoolean stop, boolean polite) {
    long end = millis == Long.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + millis * 1_000_000L;
    for (int i = 0; i < count && System.nanoTime() < end && (stop == null || !stop.get()); i++) {
      long t0 = System.nanoTime();
      LoopbackConnection.Answer a = c.postForm(POSTS, form, timeoutMs);
      into.add((System.nanoTime() - t0) / 1e6, a.status(), a.answered()
          ? (a.retryAfter() != null ? "retry-after" : "-") : a.failure());
      if (a.status() != 200 && Boolean.getBoolean("hostile.verbose")) {
        System.err.println("post: " + a.status() + " " + a.failure() + " " + a.start());
      }
      if (!a.answered()) {
        LoopbackConnection.pause(); // a refused connection fails at once: do not spin
      } else if (polite && a.status() == 429) {
        long waitMs = Math.max(1000, a.retryAfterMs());
        if (end != Long.MAX_VALUE) {
          waitMs = Math.min(waitMs, Math.max(0, (end - System.nanoTime()) / 1_000_000));
        }
        try {
          Thread.sleep(waitMs);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
