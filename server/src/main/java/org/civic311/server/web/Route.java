package org.civic311.server.web;

import java.util.Set;

/**
 * One line of the route table: the methods and path it answers, its family (which renders its
 * errors and adds its headers), what it does, and what the door must do for it first: read a
 * body (and how large), count the write against the rate limits, keep its path out of the
 * access log.
 *
 * @param methods     GET (which also answers HEAD) and/or POST
 * @param body        the body a POST may carry, or null for none
 * @param gate        the rate limits that count a POST, or null when none do
 * @param secretPath  true when the path itself is a secret (an unsubscribe token): the access
 *                    log then shows the pattern instead
 */
public record Route(Set<String> methods, PathPattern pattern, Family family, Action action,
    BodyLimits body, WriteGate gate, boolean secretPath) {

  public Route secret() {
    return new Route(methods, pattern, family, action, body, gate, true);
  }

  boolean answers(String method) {
    return methods.contains(method) || method.equals("HEAD") && methods.contains("GET");
  }

  String allowed() {
    return methods.contains("GET") ? (methods.contains("POST") ? "GET, HEAD, POST" : "GET, HEAD") : "POST";
  }
}
