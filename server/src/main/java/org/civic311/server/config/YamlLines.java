package org.civic311.server.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The line of every key in a YAML text, by JSON pointer ({@code /jurisdictions/0/services/2/code}),
 * so that a fault found after parsing can still be reported with its line.
 */
final class YamlLines {
  private final Map<String, Integer> lines;

  private YamlLines(Map<String, Integer> lines) {
    this.lines = lines;
  }

  static YamlLines of(String yaml) {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser p = new YAMLFactory().createParser(yaml)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY) {
          String pointer = p.getParsingContext().pathAsPointer().toString();
          lines.putIfAbsent(pointer, p.currentTokenLocation().getLineNr());
        }
      }
    } catch (IOException e) {
      // A text that does not parse gets its error from the real parse; no lines are known.
    }
    return new YamlLines(lines);
  }

  /** The line of the key at {@code pointer}, or of its nearest known parent; 0 when unknown. */
  int lineOf(String pointer) {
    String p = pointer;
    while (true) {
      Integer line = lines.get(p);
      if (line != null) {
        return line;
      }
      int slash = p.lastIndexOf('/');
      if (slash <= 0) {
        return 0;
      }
      p = p.substring(0, slash);
    }
  }

  /** {@code /jurisdictions/0/services/2/code} as {@code jurisdictions[0].services[2].code}. */
  static String dotted(String pointer) {
    StringBuilder sb = new StringBuilder();
    for (String part : pointer.split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      if (part.chars().allMatch(Character::isDigit)) {
        sb.append('[').append(part).append(']');
      } else {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(part.replace("~1", "/").replace("~0", "~"));
      }
    }
    return sb.toString();
  }
}
