package org.civic311.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends a fixed, seeded set of {@code GET requests.json} searches one after another on one
 * keep-alive connection and reports the latency of each kind: {@code box} (a bounding box of
 * city-block to neighbourhood size, a 30-90 day window and one service code), {@code common}
 * and {@code rare} ({@code q} with words in many descriptions or in about one in 10,000; default
 * window) and {@code radius} (lat/long/radius of 100 m to 1 km, default window). All pages hold
 * 100. The same seed gives the same queries on every server, so two stores answer the very same
 * questions. Five other queries warm up first. A kind stops early once BUDGET_S seconds have
 * gone, so that one slow store cannot stretch a run without end; the line then says how many ran.
 * A query with no answer within 30 s counts as not 200, at the time it was given up.
 *
 * <p>Usage: {@code SearchDriver BASE_URL KIND COUNT SEED BUDGET_S}; prints
 * {@code kind=... n=... planned=... p50=... p99=... max=... rows=... non200=... slowest=URL}.
 */
public final class SearchDriver {
  private static final Pattern CODE = Pattern.compile("\"service_code\"\\s*:\\s*\"([^\"]+)\"");
  /** Words in most descriptions (from the first phrases of SearchRows). */
  private static final String[] COMMON = {"corner", "sidewalk", "broken", "days", "street", "house", "again",
      "large", "bus stop", "week", "park", "night", "school", "broken sidewalk", "near corner"};

  private SearchDriver() {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String kind = args[1];
    int count = Integer.parseInt(args[2]);
    long seed = Long.parseLong(args[3]);
    long budgetNs = Long.parseLong(args[4]) * 1_000_000_000L;
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    List<String> codes = new ArrayList<>();
    Matcher m = CODE.matcher(get(http, base + "/services.json").body());
    while (m.find()) {
      codes.add(m.group(1));
    }
    Instant now = Instant.now();
    long begin = System.nanoTime();
    for (String q : queries(kind, 5, seed + 1, codes, now)) {
      if (System.nanoTime() - begin < budgetNs / 4) {
        get(http, base + q);
      }
    }
    List<String> queries = queries(kind, count, seed, codes, now);
    double[] ms = new double[queries.size()];
    long[] rows = new long[queries.size()];
    int[] status = new int[queries.size()];
    int ran = 0;
    begin = System.nanoTime();
    for (; ran < queries.size() && System.nanoTime() - begin < budgetNs; ran++) {
      long t0 = System.nanoTime();
      HttpResponse<String> r = get(http, base + queries.get(ran));
      ms[ran] = (System.nanoTime() - t0) / 1e6;
      status[ran] = r == null ? 0 : r.statusCode();
      rows[ran] = r == null ? 0 : Stats.count(r.body(), "\"service_request_id\"");
    }
    report(kind, queries, ms, rows, status, ran);
  }

  static List<String> queries(String kind, int count, long seed, List<String> codes, Instant now) {
    Random r = new Random(seed);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      double lat = SearchRows.MIN_LAT + r.nextDouble() * (SearchRows.MAX_LAT - SearchRows.MIN_LAT);
      double lon = SearchRows.MIN_LON + r.nextDouble() * (SearchRows.MAX_LON - SearchRows.MIN_LON);
      switch (kind) {
        case "box" -> {
          // 100 m (a city block) to 1.5 km (a neighbourhood) on a side, log-uniform.
          double side = 100 * Math.pow(15, r.nextDouble());
          double dLat = side / 111_320.0;
          double dLon = side / (111_320.0 * Math.cos(Math.toRadians(lat)));
          int days = 30 + r.nextInt(61);
          Instant end = now.minus(r.nextInt(730 - days), ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
          Instant start = end.minus(days, ChronoUnit.DAYS);
          out.add(String.format("/requests.json?page_size=100&service_code=%s&start_date=%s&end_date=%s"
                  + "&bbox=%.6f,%.6f,%.6f,%.6f", codes.get(r.nextInt(codes.size())), start, end,
              lon - dLon / 2, lat - dLat / 2, lon + dLon / 2, lat + dLat / 2));
        }
        case "common" -> out.add("/requests.json?page_size=100&q="
            + URLEncoder.encode(COMMON[r.nextInt(COMMON.length)], StandardCharsets.UTF_8));
        case "rare" -> {
          String q = SearchRows.RARE[r.nextInt(SearchRows.RARE.length)];
          if (r.nextBoolean()) {
            q += " " + COMMON[r.nextInt(COMMON.length)];
          }
          out.add("/requests.json?page_size=100&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        }
        case "radius" -> {
          double radius = 100 * Math.pow(10, r.nextDouble());
          out.add(String.format("/requests.json?page_size=100&lat=%.6f&long=%.6f&radius=%.0f", lat, lon, radius));
        }
        default -> throw new IllegalArgumentException("kind must be box, common, rare or radius, not " + kind);
      }
    }
    return out;
  }

  private static void report(String kind, List<String> queries, double[] ms, long[] rows, int[] status, int to) {
    int from = 0;
    double[] sorted = Arrays.copyOfRange(ms, from, to);
    Arrays.sort(sorted);
    int slowest = from;
    long rowSum = 0;
    int bad = 0;
    for (int i = from; i < to; i++) {
      slowest = ms[i] > ms[slowest] ? i : slowest;
      rowSum += rows[i];
      bad += status[i] == 200 ? 0 : 1;
    }
    System.out.printf("kind=%s n=%d planned=%d p50=%.1f p99=%.1f max=%.1f rows=%.1f non200=%d slowest=%s%n", kind,
        to - from, queries.size(),
        Stats.percentile(sorted, 50), Stats.percentile(sorted, 99), sorted[sorted.length - 1],
        (double) rowSum / (to - from), bad,
        queries.get(slowest));
  }

  /** The answer, or null when none came within 30 s. */
  private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.net.http.HttpTimeoutException e) {
      return null;
    }
  }
}
