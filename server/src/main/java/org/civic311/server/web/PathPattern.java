package org.civic311.server.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.util.URIUtil;

/**
 * A route's path, such as {@code /open311/v2/services/{code}.{format}} or {@code /static/{name*}}.
 * A segment is literal, a placeholder {@code {name}}, a placeholder or literal with a format
 * after its last dot ({@code {format}} matches only {@code xml} and {@code json}), or, last, a
 * rest placeholder {@code {name*}} that takes one or more segments. Values are URL-decoded, so
 * codes with dots, spaces or an encoded slash still match.
 */
final class PathPattern {
  private static final List<String> FORMATS = List.of("xml", "json");
  private final String text;
  private final List<Segment> segments;

  private record Segment(String literal, String name, boolean formatted, boolean rest) {}

  PathPattern(String text) {
    if (!text.startsWith("/")) {
      throw new IllegalArgumentException("a path pattern starts with '/': " + text);
    }
    this.text = text;
    List<Segment> out = new ArrayList<>();
    for (String s : text.substring(1).split("/", -1)) {
      boolean formatted = s.endsWith(".{format}");
      String head = formatted ? s.substring(0, s.length() - ".{format}".length()) : s;
      if (head.startsWith("{") && head.endsWith("*}")) {
        out.add(new Segment(null, head.substring(1, head.length() - 2), false, true));
      } else if (head.startsWith("{") && head.endsWith("}")) {
        out.add(new Segment(null, head.substring(1, head.length() - 1), formatted, false));
      } else {
        out.add(new Segment(head, null, formatted, false));
      }
    }
    this.segments = List.copyOf(out);
  }

  @Override
  public String toString() {
    return text;
  }

  /** The placeholders' values when {@code path} (raw, with single slashes) matches. */
  Optional<Map<String, String>> match(String path) {
    if (!path.startsWith("/")) {
      return Optional.empty();
    }
    String[] parts = path.substring(1).split("/", -1);
    Map<String, String> values = new HashMap<>(4);
    for (int i = 0; i < segments.size(); i++) {
      Segment s = segments.get(i);
      if (s.rest()) {
        if (i >= parts.length || parts[i].isEmpty()) {
          return Optional.empty();
        }
        String rest = String.join("/", java.util.Arrays.copyOfRange(parts, i, parts.length));
        return decode(rest).map(v -> {
          values.put(s.name(), v);
          return values;
        });
      }
      if (i >= parts.length) {
        return Optional.empty();
      }
      String part = parts[i];
      if (s.formatted()) {
        int dot = part.lastIndexOf('.');
        if (dot < 0 || !FORMATS.contains(part.substring(dot + 1))) {
          return Optional.empty();
        }
        values.put("format", part.substring(dot + 1));
        part = part.substring(0, dot);
      }
      if (s.literal() != null) {
        if (!s.literal().equals(part)) {
          return Optional.empty();
        }
      } else {
        Optional<String> v = decode(part);
        if (v.isEmpty() || v.get().isEmpty()) {
          return Optional.empty();
        }
        values.put(s.name(), v.get());
      }
    }
    return parts.length == segments.size() ? Optional.of(values) : Optional.empty();
  }

  private static Optional<String> decode(String raw) {
    try {
      return Optional.of(URIUtil.decodePath(raw));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
