package org.civic311.georeport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameters of one GeoReport call, from the query string and the body together, with the
 * standard's reading rules: an empty value is the same as an absent one; a single-valued
 * parameter given twice with different values is an error; list parameters are comma-separated;
 * attributes arrive as {@code attribute[c]}, {@code attribute[c][]} or {@code attribute[c][n]}.
 *
 * <p>Immutable once built; the {@link Builder} is not thread-safe.
 */
public final class Parameters {
  private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([^\\[\\]]+)\\](?:\\[(\\d*)\\])?");

  private final Map<String, List<String>> values;

  private Parameters(Map<String, List<String>> values) {
    this.values = values;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Every parameter name, in first-seen order. */
  public java.util.Set<String> names() {
    return Collections.unmodifiableSet(values.keySet());
  }

  /** Every non-empty value of {@code name}, in order. */
  public List<String> all(String name) {
    List<String> v = values.get(name);
    if (v == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>(v.size());
    for (String s : v) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * The value of a single-valued parameter, empty when absent or empty.
   *
   * @throws ParameterException when it was given more than once with different values
   */
  public Optional<String> optional(String name) {
    List<String> v = all(name);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    String first = v.get(0);
    for (String s : v) {
      if (!s.equals(first)) {
        throw new ParameterException(name, "parameter '" + name + "' was given more than once with different values");
      }
    }
    return Optional.of(first);
  }

  /** Like {@link #optional} but a missing value is a {@link ParameterException}. */
  public String required(String name) {
    return optional(name).orElseThrow(() -> new ParameterException(name, "parameter '" + name + "' is required"));
  }

  /** A comma-separated list parameter (also accepted repeated), trimmed, without empty members. */
  public List<String> list(String name) {
    List<String> out = new ArrayList<>();
    for (String v : all(name)) {
      for (String part : v.split(",")) {
        String p = part.trim();
        if (!p.isEmpty()) {
          out.add(p);
        }
      }
    }
    return out;
  }

  /**
   * A boolean parameter: {@code true/false/1/0/yes/no} in any case; empty when absent.
   *
   * @throws ParameterException for any other value
   */
  public Optional<Boolean> bool(String name) {
    return optional(name).map(v -> parseBoolean(name, v));
  }

  /** Parses a GeoReport boolean leniently, as section 10 of the project's decisions says. */
  public static boolean parseBoolean(String name, String v) {
    switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes":
        return true;
      case "false", "0", "no":
        return false;
      default:
        throw new ParameterException(name, "parameter '" + name + "' must be true or false");
    }
  }

  /**
   * The submitted attribute answers, code to values in order, in all three encodings seen in the
   * wild. Empty answers are dropped.
   */
  public Map<String, List<String>> attributes() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : values.entrySet()) {
      Matcher m = ATTRIBUTE.matcher(e.getKey());
      if (!m.matches()) {
        continue;
      }
      for (String v : e.getValue()) {
        if (!v.isEmpty()) {
          out.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(v);
        }
      }
    }
    return out;
  }

  /** Collects name-value pairs in order. */
  public static final class Builder {
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    public Builder add(String name, String value) {
      values.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
      return this;
    }

    /** Adds every value of {@code other}, empty ones too, after what this builder holds. */
    public Builder addAll(Parameters other) {
      other.values.forEach((name, list) ->
          values.computeIfAbsent(name, k -> new ArrayList<>(list.size())).addAll(list));
      return this;
    }

    public Parameters build() {
      return new Parameters(values);
    }
  }
}
