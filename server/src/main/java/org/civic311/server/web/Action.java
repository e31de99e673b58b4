package org.civic311.server.web;

/** What a route does: one method that takes the call and gives the answer (or throws a failure). */
@FunctionalInterface
public interface Action {
  Answer run(Exchange x);
}
