package org.civic311.server.domain.citizen;

import java.util.List;

/** What is wrong with one field: a message key of the page bundles and its arguments. */
public record Problem(String key, List<String> arguments) {

  public Problem {
    arguments = List.copyOf(arguments);
  }

  public static Problem of(String key, String... arguments) {
    return new Problem(key, List.of(arguments));
  }
}
