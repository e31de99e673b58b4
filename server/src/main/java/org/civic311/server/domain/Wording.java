package org.civic311.server.domain;

import java.util.Arrays;
import java.util.List;

/**
 * Words for a person, named by a message key and its arguments rather than written out, so the
 * pages can show them in the reader's language. Arguments are shown as they are ({@code {0}}).
 */
public record Wording(String key, List<String> args) {

  public Wording {
    args = List.copyOf(args);
  }

  public static Wording of(String key, Object... args) {
    return new Wording(key, Arrays.stream(args).map(String::valueOf).toList());
  }

  @Override
  public String toString() {
    return args.isEmpty() ? key : key + " " + args;
  }
}
