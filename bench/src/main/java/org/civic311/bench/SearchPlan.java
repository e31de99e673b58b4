package org.civic311.bench;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civic311.server.storage.RequestQuery;
import org.civic311.server.storage.sql.Database;

/**
 * Prints how a store runs the statement the server sends for one {@code GET requests.json} URL
 * of {@link SearchDriver}: the server's own statement, plan choices and values
 * ({@link Database#explainSearch}), so the plan shown is the one measured. The URL is read here
 * only as far as the driver's queries go (page 1; q, service_code, dates, bbox, lat/long/radius);
 * no dates means the API's default window, the 90 days up to now.
 *
 * <p>Usage: {@code SearchPlan JDBC_URL JURISDICTION URL}; PostgreSQL user and password from
 * {@code CIVIC311_DATABASE_USER} / {@code CIVIC311_DATABASE_PASSWORD}.
 */
public final class SearchPlan {
  private SearchPlan() {}

  public static void main(String[] args) {
    Map<String, String> p = parameters(args[2]);
    long to = p.containsKey("end_date") ? Instant.parse(p.get("end_date")).toEpochMilli() : System.currentTimeMillis();
    long from = p.containsKey("start_date") ? Instant.parse(p.get("start_date")).toEpochMilli()
        : to - 90L * 86_400_000L;
    RequestQuery.Box box = null;
    if (p.containsKey("bbox")) {
      String[] n = p.get("bbox").split(",");
      box = new RequestQuery.Box(Double.parseDouble(n[0]), Double.parseDouble(n[1]), Double.parseDouble(n[2]),
          Double.parseDouble(n[3]));
    }
    RequestQuery.Circle near = p.containsKey("radius") ? new RequestQuery.Circle(Double.parseDouble(p.get("lat")),
        Double.parseDouble(p.get("long")), Double.parseDouble(p.get("radius"))) : null;
    List<String> words = new ArrayList<>();
    for (String w : p.getOrDefault("q", "").toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    List<String> codes = p.containsKey("service_code") ? List.of(p.get("service_code")) : List.of();
    int limit = Integer.parseInt(p.getOrDefault("page_size", "100"));
    RequestQuery q = new RequestQuery(args[1], codes, List.of(), List.of(), from, to, null, null, box, near, words,
        false, 0, limit);
    try (Database db = Database.open(args[0], System.getenv("CIVIC311_DATABASE_USER"),
        System.getenv("CIVIC311_DATABASE_PASSWORD"))) {
      System.out.print(db.explainSearch(q));
    }
  }

  private static Map<String, String> parameters(String url) {
    Map<String, String> out = new HashMap<>();
    int at = url.indexOf('?');
    for (String pair : url.substring(at + 1).split("&")) {
      String[] kv = pair.split("=", 2);
      out.put(kv[0], kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return out;
  }
}
