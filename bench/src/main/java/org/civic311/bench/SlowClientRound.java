package org.civic311.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One round of figure 1 of {@code bench/hostile}: the normal client ({@link NormalClient}) alone
 * for SECONDS, then, for each count of source addresses in SOURCES, the same client for SECONDS
 * while SLOW connections trickle their POST bodies ({@link SlowConnections}, on a thread of their
 * own), then how many of those the server kept, closed or answered, and how long after they were
 * dropped the server answered again.
 *
 * <p>The normal client keeps 127.0.0.1 to itself; the slow connections come from 127.0.0.2 (one
 * source) or 127.0.0.2..127.0.0.(1+N) (N sources), so that a cap per address, if the server has
 * one, falls on them and not on the client being measured.
 *
 * <p>Usage: {@code SlowClientRound BASE_URL SLOW SOURCES SECONDS TIMEOUT_S DECLARED BYTES EVERY_MS
 * OUT_PREFIX [SERVER_PID]}, SOURCES like {@code 1,16}. Appends the normal client's samples to
 * OUT_PREFIX-alone.txt and OUT_PREFIX-with-N.txt and prints one {@code phase=...} line for each stretch.
 */
public final class SlowClientRound {
  /** The first address of the slow connections: 127.0.0.1 is the normal client's. */
  private static final int FIRST_SLOW_SOURCE = 2;
  private static final long RAMP_MS = 30_000;
  private static final long RECOVERY_MS = 60_000;

  private SlowClientRound() {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    int slow = Integer.parseInt(args[1]);
    String[] sources = args[2].split(",");
    long millis = Long.parseLong(args[3]) * 1000;
    long timeoutMs = Long.parseLong(args[4]) * 1000;
    int declared = Integer.parseInt(args[5]);
    int bytes = Integer.parseInt(args[6]);
    long everyMs = Long.parseLong(args[7]);
    String out = args[8];
    String serverPid = args.length > 9 ? args[9] : null;

    try (NormalClient client = new NormalClient(base, timeoutMs)) {
      client.warm(30);
      Samples alone = client.run(millis);
      alone.appendTo(Path.of(out + "-alone.txt"));
      System.out.println("phase=alone " + alone.summary() + " server_threads=" + threads(serverPid));
      for (String s : sources) {
        int n = Integer.parseInt(s.trim());
        withSlow(base, client, slow, n, millis, timeoutMs, declared, bytes, everyMs, out, serverPid);
      }
    }
    System.exit(0);
  }

  private static void withSlow(String base, NormalClient client, int slow, int sources, long millis, long timeoutMs,
      int declared, int bytes, long everyMs, String out, String serverPid) throws Exception {
    CountDownLatch ready = new CountDownLatch(1);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<SlowConnections.Tally> tally = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    long[] rampMs = new long[1];
    Thread holder = new Thread(() -> {
      try (SlowConnections c = new SlowConnections(base, "/open311/v2/requests.json", declared, bytes, everyMs)) {
        long t0 = System.nanoTime();
        c.open(slow, FIRST_SLOW_SOURCE, sources, RAMP_MS);
        rampMs[0] = (System.nanoTime() - t0) / 1_000_000;
        ready.countDown();
        // Bounded even if the main thread never says stop: settle, measure, one timeout of slack.
        c.hold(everyMs + millis + 2 * timeoutMs + 10_000, stop::get);
        tally.set(c.tally(slow));
      } catch (IOException | RuntimeException e) {
        failure.set(e);
      } finally {
        ready.countDown();
      }
    }, "slow-connections");
    holder.start();
    ready.await(RAMP_MS + 10_000, TimeUnit.MILLISECONDS);
    // Let every connection send its first drip before measuring, so the server has them all in hand.
    Thread.sleep(everyMs + 500);
    Samples with = client.run(millis);
    String threads = threads(serverPid);
    stop.set(true);
    holder.join(30_000);
    with.appendTo(Path.of(out + "-with-" + sources + ".txt"));
    SlowConnections.Tally t = tally.get();
    String slowPart = t == null ? "slow=FAILED:" + failure.get()
        : String.format("slow_wanted=%d connected=%d connect_failed=%d kept=%d closed=%d answered=%d codes=%s"
            + " median_end_s=%s ramp_ms=%d", t.wanted(), t.connected(), t.connectFailed(), t.kept(),
            t.closedByServer(), t.answeredTotal(), t.answeredCodes(),
            Double.isNaN(t.medianSecondsToEnd()) ? "-" : String.format("%.1f", t.medianSecondsToEnd()), rampMs[0]);
    System.out.println("phase=with sources=" + sources + " " + with.summary() + " " + slowPart
        + " server_threads=" + threads + " recovered_ms=" + recovery(base, timeoutMs));
  }

  /** Milliseconds from now until GET services.json answers 200 again, or -1 after a minute. */
  private static long recovery(String base, long timeoutMs) throws IOException {
    long t0 = System.nanoTime();
    try (LoopbackConnection c = new LoopbackConnection(base, NormalClient.SOURCE)) {
      while (System.nanoTime() - t0 < RECOVERY_MS * 1_000_000L) {
        if (c.get("/open311/v2/services.json", timeoutMs).status() == 200) {
          return (System.nanoTime() - t0) / 1_000_000;
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return -1;
        }
      }
    }
    return -1;
  }

  /** The server's live thread count, from /proc, or - when unknown. */
  private static String threads(String pid) {
    if (pid == null) {
      return "-";
    }
    try {
      for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
        if (line.startsWith("Threads:")) {
          return line.substring(8).trim();
        }
      }
    } catch (IOException e) {
      // The server is gone.
    }
    return "-";
  }
}
