package org.civic311.server.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The route table: every route of the server, whatever its family, one line each. The first
 * route whose method and path match wins; a path that some route takes with other methods is a
 * 405 naming them. Built once at start, then read by every call.
 */
public final class Routes {
  private final List<Route> routes = new ArrayList<>();

  /** A GET route (HEAD is answered too). */
  public Routes get(String pattern, Family family, Action action) {
    return add(new Route(Set.of("GET"), new PathPattern(pattern), family, action, null, null, false));
  }

  /** A POST route taking a body within {@code body}. */
  public Routes post(String pattern, Family family, Action action, BodyLimits body) {
    return add(new Route(Set.of("POST"), new PathPattern(pattern), family, action, body, null, false));
  }

  /** A POST route that writes, counted against the caller's rate limits by {@code gate}. */
  public Routes write(String pattern, Family family, Action action, BodyLimits body, WriteGate gate) {
    return add(new Route(Set.of("POST"), new PathPattern(pattern), family, action, body, gate, false));
  }

  /** Keeps the path of the route just added out of the access log (it holds a secret, such as a token). */
  public Routes secret() {
    routes.set(routes.size() - 1, routes.get(routes.size() - 1).secret());
    return this;
  }

  public Routes add(Route route) {
    routes.add(route);
    return this;
  }

  /** One method and path pattern of the table, such as {@code GET /open311/v2/requests.{format}}, and its family. */
  public record Listing(String method, String pattern, Family family) {}

  /**
   * Every method and path pattern the table answers (HEAD aside), in table order: what the API's
   * description is checked against.
   */
  public List<Listing> listing() {
    List<Listing> out = new ArrayList<>();
    for (Route r : routes) {
      for (String m : List.of("GET", "POST")) {
        if (r.methods().contains(m)) {
          out.add(new Listing(m, r.pattern().toString(), r.family()));
        }
      }
    }
    return List.copyOf(out);
  }

  /** Every route, in table order (the door's timers are made from it). */
  List<Route> list() {
    return List.copyOf(routes);
  }

  /** What the table says of a method and path. */
  record Lookup(Route route, Map<String, String> values, String allowed) {}

  Lookup find(String method, String path) {
    String allowed = null;
    for (Route r : routes) {
      Optional<Map<String, String>> values = r.pattern().match(path);
      if (values.isEmpty()) {
        continue;
      }
      if (r.answers(method)) {
        return new Lookup(r, values.get(), null);
      }
      allowed = allowed == null ? r.allowed() : merge(allowed, r.allowed());
    }
    return new Lookup(null, Map.of(), allowed);
  }

  private static String merge(String a, String b) {
    java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
    for (String m : (a + ", " + b).split(", ")) {
      all.add(m);
    }
    List<String> order = new ArrayList<>(List.of("GET", "HEAD", "POST"));
    order.retainAll(all);
    return String.join(", ", order);
  }
}
