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
 * <p>With {@code --queue}, the URL is a staff queue page of {@link QueueDriver} instead
 * ({@code /staff/?status=..&service=..&sort=..&overdue=1&q=..&page=N}), read as the queue reads
 * it: no date window, hidden requests included, 50 a page and one more to see if a next exists.
 *
 * <p>Usage: {@code SearchPlan JDBC_URL JURISDICTION URL [--queue]}; PostgreSQL user and password
 * from {@code CIVIC311_DATABASE_USER} / {@code CIVIC311_DATABASE_PASSWORD}.
 */
public final class SearchPlan {
  private SearchPlan() {}

  public static void main(String[] args) {
    Map<String, String> p = parameters(args[2]);
    RequestQuery q = args.length > 3 && args[3].equals("--queue") ? queue(args[1], p) : api(args[1], p);
    try (Database db = Database.open(args[0], System.getenv("CIVIC311_DATABASE_USER"),
        System.getenv("CIVIC311_DATABASE_PASSWORD"))) {
      System.out.print(db.explainSearch(q));
    }
  }

  private static RequestQuery queue(String jurisdiction, Map<String, String> p) {
    int page = Integer.parseInt(p.getOrDefault("page", "1"));
    RequestQuery.Order order = switch (p.getOrDefault("sort", "newest")) {
      case "oldest" -> RequestQuery.Order.OLDEST;
      case "updated" -> RequestQuery.Order.UPDATED;
      case "service" -> RequestQuery.Order.SERVICE;
      case "status" -> RequestQuery.Order.STATUS;
      case "expected" -> RequestQuery.Order.EXPECTED;
      default -> RequestQuery.Order.NEWEST;
    };
    List<String> statuses = p.containsKey("status") ? List.of(p.get("status")) : List.of();
    List<String> codes = p.containsKey("service") ? List.of(p.get("service")) : List.of();
    return new RequestQuery(jurisdiction, codes, statuses, List.of(), null, null, null, null, null, null,
        words(p), false, (page - 1) * 50, 51)
        .with(new RequestQuery.Staff(true, List.of(), p.containsKey("overdue") ? System.currentTimeMillis() : null,
            order));
  }

  private static RequestQuery api(String jurisdiction, Map<String, String> p) {
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
    List<String> codes = p.containsKey("service_code") ? List.of(p.get("service_code")) : List.of();
    int size = Integer.parseInt(p.getOrDefault("page_size", "100"));
    int page = Integer.parseInt(p.getOrDefault("page", "1"));
    return new RequestQuery(jurisdiction, codes, List.of(), List.of(), from, to, null, null, box, near, words(p),
        false, (page - 1) * size, size);
  }

  /** The words of {@code q}: runs of letters and digits, as the server reads them. */
  private static List<String> words(Map<String, String> p) {
    List<String> words = new ArrayList<>();
    for (String w : p.getOrDefault("q", "").toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    return words;
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
