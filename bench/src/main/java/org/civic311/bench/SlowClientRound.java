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
 * own), then how many of those the server kept, closed or answered by the end of that stretch and
 * after WATCH_S more seconds of trickling, and how long after they were dropped the server
 * answered again.
 *
 * <p>The normal client keeps 127.0.0.1 to itself; the slow connections come from 127.0.0.2 (one
 * source) or 127.0.0.2..127.0.0.(1+N) (N sources), so that a cap per address, if the server has
 * one, falls on them and not on the client being measured.
 *
 * <p>Usage: {@code SlowClientRound BASE_URL SLOW SOURCES SECONDS TIMEOUT_S DECLARED BYTES EVERY_MS
 * WATCH_S OUT_PREFIX [SERVER_PID]}, SOURCES like {@code 1,50}. Appends the normal client's samples to
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
    long watchMs = Long.parseLong(args[8]) * 1000;
    String out = args[9];
    String serverPid = args.length > 10 ? args[10] : null;

    try (NormalClient client = new NormalClient(base, timeoutMs)) {
      client.warm(30);
      Samples alone = client.run(millis);
      alone.appendTo(Path.of(out + "-alone.txt"));
      System.out.println("phase=alone " + alone.summary() + " server_threads=" + threads(serverPid));
      for (String s : sources) {
        int n = Integer.parseInt(s.trim());
        withSlow(base, client, slow, n, millis, timeoutMs, declared, bytes, everyMs, watchMs, out, serverPid);
      }
    }
    System.exit(0);
  }

  private static void withSlow(String base, NormalClient client, int slow, int sources, long millis, long timeoutMs,
      int declared, int bytes, long everyMs, long watchMs, String out, String serverPid) throws Exception {
    CountDownLatch ready = new CountDownLatch(1);
    CountDownLatch measured = new CountDownLatch(1);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<SlowConnections.Tally> atEnd = new AtomicReference<>();
    AtomicReference<SlowConnections.Tally> afterWatch = new AtomicReference<>();
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
        atEnd.set(c.tally(slow));
        measured.countDown();
        // Then keep trickling for a while without the normal client, to see whether the server
        // ends them (a body deadline, a minimum rate) or keeps them as long as they trickle.
        c.hold(watchMs, () -> !c.anyOpen());
        afterWatch.set(c.tally(slow));
      } catch (IOException | RuntimeException e) {
        failure.set(e);
      } finally {
        ready.countDown();
        measured.countDown();
      }
    }, "slow-connections");
    holder.start();
    ready.await(RAMP_MS + 10_000, TimeUnit.MILLISECONDS);
    // Let every connection send its first drip before measuring, so the server has them all in hand.
    Thread.sleep(everyMs + 500);
    Samples with = client.run(millis);
    String threads = threads(serverPid);
    stop.set(true);
    measured.await(30, TimeUnit.SECONDS);
    holder.join(watchMs + 30_000);
    with.appendTo(Path.of(out + "-with-" + sources + ".txt"));
    SlowConnections.Tally t = atEnd.get();
    SlowConnections.Tally w = afterWatch.get();
    String slowPart = t == null ? "slow=FAILED:" + failure.get()
        : String.format("slow_wanted=%d connected=%d connect_failed=%d kept=%d closed=%d answered=%d codes=%s"
            + " ramp_ms=%d", t.wanted(), t.connected(), t.connectFailed(), t.kept(), t.closedByServer(),
            t.answeredTotal(), t.answeredCodes(), rampMs[0]);
    String watchPart = w == null ? "" : String.format(" watch_kept=%d watch_closed=%d watch_answered=%d watch_codes=%s"
        + " median_end_s=%s", w.kept(), w.closedByServer(), w.answeredTotal(), w.answeredCodes(),
        Double.isNaN(w.medianSecondsToEnd()) ? "-" : String.format("%.1f", w.medianSecondsToEnd()));
    System.out.println("phase=with sources=" + sources + " " + with.summary() + " " + slowPart + watchPart
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
