package org.civic311.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Figure 2 of {@code bench/hostile}: CLIENTS clients at once, each sending PER_CLIENT reports one
 * after another, each report a multipart {@code POST requests.json} carrying PHOTOS of the given
 * JPEGs (taken in turn from the pool, so consecutive reports carry different photos). With
 * CLIENTS=1 it is the baseline: the same uploads, one at a time.
 *
 * <p>Every upload is bounded by TIMEOUT_S; no client starts a new one after BUDGET_S, so the run
 * ends within BUDGET_S + TIMEOUT_S whatever the server does. Clients come from 127.0.0.1.
 *
 * <p>Usage: {@code UploadFlood BASE_URL API_KEY CLIENTS PER_CLIENT PHOTOS TIMEOUT_S BUDGET_S OUT_FILE
 * PHOTO_FILE...}; appends {@code ms status tag} lines to OUT_FILE (tag: {@code retry-after} when a
 * 503 or 429 said when to come back, the failure when there was no answer) and prints a summary;
 * the start of the first answer of each status other than 200 goes to the error stream.
 */
public final class UploadFlood {
  private static final String BOUNDARY = "civic311-hostile-bench-7f3a9c";

  private UploadFlood() {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String key = args[1];
    int clients = Integer.parseInt(args[2]);
    int perClient = Integer.parseInt(args[3]);
    int photos = Integer.parseInt(args[4]);
    long timeoutMs = Long.parseLong(args[5]) * 1000;
    long budgetNs = Long.parseLong(args[6]) * 1_000_000_000L;
    Path out = Path.of(args[7]);
    List<byte[]> pool = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 8; i < args.length; i++) {
      pool.add(Files.readAllBytes(Path.of(args[i])));
      names.add(Path.of(args[i]).getFileName().toString());
    }

    Samples samples = new Samples();
    Set<Integer> examples = ConcurrentHashMap.newKeySet();
    AtomicLong sent = new AtomicLong();
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    long[] begin = new long[1];
    for (int c = 0; c < clients; c++) {
      int client = c;
      Thread t = new Thread(() -> {
        try (LoopbackConnection connection = new LoopbackConnection(base, "127.0.0.1")) {
          go.await();
          for (int j = 0; j < perClient && System.nanoTime() - begin[0] < budgetNs; j++) {
            List<byte[]> body = body(key, pool, names, (client * perClient + j) * photos, photos, client, j);
            long length = body.stream().mapToLong(b -> b.length).sum();
            long t0 = System.nanoTime();
            LoopbackConnection.Answer a = connection.send("POST", "/open311/v2/requests.json",
                "multipart/form-data; boundary=" + BOUNDARY, body, timeoutMs);
            double ms = (System.nanoTime() - t0) / 1e6;
            sent.addAndGet(length);
            String tag = !a.answered() ? a.failure() : a.retryAfter() != null ? "retry-after" : "-";
            samples.add(ms, a.status(), tag);
            if (a.answered() && a.status() != 200 && examples.add(a.status())) {
              // The first answer of each kind, for the report: what the server said, not just its status.
              System.err.println("example " + a.status() + ": " + a.start().replaceAll("\\s+", " "));
            }
          }
        } catch (Exception e) {
          samples.add(0, 0, "client-failed");
        }
      }, "upload-" + c);
      threads.add(t);
      t.start();
    }
    begin[0] = System.nanoTime();
    go.countDown();
    for (Thread t : threads) {
      t.join(budgetNs / 1_000_000 + 2 * timeoutMs);
    }
    double seconds = (System.nanoTime() - begin[0]) / 1e9;
    samples.appendTo(out);
    System.out.printf("clients=%d %s mib_sent=%.0f seconds=%.1f%n", clients, samples.summary(),
        sent.get() / 1048576.0, seconds);
    System.exit(0);
  }

  /** The multipart body of one report: its fields, then {@code count} photos from {@code first}. */
  private static List<byte[]> body(String key, List<byte[]> pool, List<String> names, int first, int count,
      int client, int round) {
    List<byte[]> parts = new ArrayList<>();
    StringBuilder fields = new StringBuilder();
    field(fields, "api_key", key);
    field(fields, "service_code", "S0361");
    field(fields, "address_id", "ADDR-17");
    field(fields, "description", "Paving slabs lifted by tree roots (upload " + client + "-" + round + ")");
    parts.add(ascii(fields.toString()));
    for (int k = 0; k < count; k++) {
      int p = (first + k) % pool.size();
      parts.add(ascii("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"media[]\"; filename=\""
          + names.get(p) + "\"\r\nContent-Type: image/jpeg\r\n\r\n"));
      parts.add(pool.get(p));
      parts.add(ascii("\r\n"));
    }
    parts.add(ascii("--" + BOUNDARY + "--\r\n"));
    return parts;
  }

  private static void field(StringBuilder b, String name, String value) {
    b.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"").append(name)
        .append("\"\r\n\r\n").append(value).append("\r\n");
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
