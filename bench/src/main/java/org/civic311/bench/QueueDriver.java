package org.civic311.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends one page of {@code bench/queue} COUNT times, one request after another on one keep-alive
 * connection, after WARMUP unmeasured ones (for at most a quarter of the budget), and reports
 * the latency from request to last byte.
 * The path may hold {@code {service}} (a service code of the catalogue), {@code {rare}} (a word
 * in about one request in 10,000) or {@code {common}} (a word in most requests): each request
 * then takes the next value of a seeded sequence, so the staff page and its API baseline ask the
 * same questions in the same order. The staff session cookie, when given, goes with every
 * request. The measured requests stop early once BUDGET_S seconds (default 600) have gone, so
 * that one slow kind cannot stretch a run without end; {@code n} then says how many ran. A
 * request with no answer within 30 s counts as not 200.
 *
 * <p>Usage: {@code QueueDriver BASE_URL COOKIE|- COUNT WARMUP SEED PATH [BUDGET_S]}; prints
 * {@code n=... p50=... p99=... max=... rows=... kib=... non200=...}, where rows is the mean count of
 * requests on a page (table rows, map points or API requests) and kib the mean answer size.
 */
public final class QueueDriver {
  private static final Pattern CODE = Pattern.compile("\"service_code\"\\s*:\\s*\"([^\"]+)\"");
  /** Words in most descriptions (from the most frequent phrases of SearchRows). */
  private static final String[] COMMON = {"corner", "sidewalk", "broken", "days", "house", "street", "again"};

  private QueueDriver() {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String cookie = args[1].equals("-") ? null : args[1];
    int count = Integer.parseInt(args[2]);
    int warmup = Integer.parseInt(args[3]);
    Random random = new Random(Long.parseLong(args[4]));
    String path = args[5];
    long budgetNs = (args.length > 6 ? Long.parseLong(args[6]) : 600) * 1_000_000_000L;
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    List<String> codes = new ArrayList<>();
    if (path.contains("{service}")) {
      Matcher m = CODE.matcher(get(http, base + "/open311/v2/services.json", null).body());
      while (m.find()) {
        codes.add(m.group(1));
      }
    }
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < warmup + count; i++) {
      String p = path;
      if (p.contains("{service}")) {
        p = p.replace("{service}", enc(codes.get(random.nextInt(codes.size()))));
      }
      if (p.contains("{rare}")) {
        p = p.replace("{rare}", enc(SearchRows.RARE[random.nextInt(SearchRows.RARE.length)]));
      }
      if (p.contains("{common}")) {
        p = p.replace("{common}", enc(COMMON[random.nextInt(COMMON.length)]));
      }
      paths.add(p);
    }
    long begin = System.nanoTime();
    for (int i = 0; i < warmup && System.nanoTime() - begin < budgetNs / 4; i++) {
      get(http, base + paths.get(i), cookie);
    }
    double[] ms = new double[count];
    long rows = 0;
    long bytes = 0;
    int bad = 0;
    int ran = 0;
    begin = System.nanoTime();
    for (int i = 0; i < count && System.nanoTime() - begin < budgetNs; i++, ran++) {
      long t0 = System.nanoTime();
      HttpResponse<String> r = get(http, base + paths.get(warmup + i), cookie);
      ms[i] = (System.nanoTime() - t0) / 1e6;
      if (r == null || r.statusCode() != 200) {
        bad++;
        continue;
      }
      rows += rows(r.body());
      bytes += r.body().getBytes(StandardCharsets.UTF_8).length;
    }
    double[] sorted = Arrays.copyOf(ms, ran);
    Arrays.sort(sorted);
    int good = Math.max(1, ran - bad);
    System.out.printf("n=%d p50=%.1f p99=%.1f max=%.1f rows=%.1f kib=%.1f non200=%d%n", ran,
        Stats.percentile(sorted, 50), Stats.percentile(sorted, 99), sorted[ran - 1], (double) rows / good,
        bytes / 1024.0 / good, bad);
  }

  /** Requests on a page: API requests, else map points, else table rows below the header. */
  private static long rows(String body) {
    long n = Stats.count(body, "\"service_request_id\"");
    if (n > 0) {
      return n;
    }
    if (body.startsWith("[")) {
      return Stats.count(body, "\"id\"");
    }
    return Math.max(0, Stats.count(body, "<tr") - 1);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** The answer, or null when none came within 30 s. */
  private static HttpResponse<String> get(HttpClient http, String url, String cookie) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.net.http.HttpTimeoutException e) {
      return null;
    }
  }
}
