package org.civic311.server.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.civic311.georeport.ParameterException;
import org.civic311.georeport.Parameters;

/**
 * Collects every fault of a submission, so a client learns them all at once, and reads the
 * common kinds of parameter: bounded free text (stray control characters dropped), bounded
 * identifiers (control characters refused), and bounded numbers. Not thread-safe; one per call.
 */
final class Violations {
  /** Plain decimal notation; Java's own parser would also take hex, "NaN" and suffixes like "1d". */
  static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private final List<String> messages = new ArrayList<>();

  void add(String message) {
    messages.add(message);
  }

  /** Throws an INVALID refusal naming every fault, if there is any. */
  void throwIfAny() {
    if (!messages.isEmpty()) {
      throw new Refusal(Refusal.Reason.INVALID, messages);
    }
  }

  /**
   * An optional identifier or code of at most {@code max} characters, refused when it holds a
   * control character; null when absent or faulty.
   */
  String text(Parameters p, String name, int max) {
    Optional<String> v = single(p, name);
    return v.isEmpty() ? null : checked(name, v.get(), max);
  }

  /**
   * An optional free text of at most {@code max} characters once its stray control characters
   * are dropped ({@link FreeText}); null when absent or too long.
   */
  String freeText(Parameters p, String name, int max) {
    Optional<String> v = single(p, name);
    return v.isEmpty() ? null : checked(name, FreeText.clean(v.get()), max);
  }

  private String checked(String name, String value, int max) {
    String problem = textProblem(value, max);
    if (problem != null) {
      add(name + " " + problem);
      return null;
    }
    return value;
  }

  /** Why a text cannot be stored, or null when it can. */
  static String textProblem(String value, int max) {
    int length = value.codePointCount(0, value.length());
    if (length > max) {
      return "is " + length + " characters long; the limit is " + max;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (FreeText.stray(c)) {
        return "contains a control character (code " + (int) c + ") that cannot be stored";
      }
    }
    return null;
  }

  /** An optional number parameter within [min, max]; null when absent or faulty. */
  Double number(Parameters p, String name, double min, double max) {
    Optional<String> v = single(p, name);
    if (v.isEmpty()) {
      return null;
    }
    String text = v.get().trim();
    if (!DECIMAL.matcher(text).matches()) {
      add(name + " must be a decimal number such as 38.8977, not '" + clip(v.get()) + "'");
      return null;
    }
    double d = Double.parseDouble(text);
    if (!Double.isFinite(d) || d < min || d > max) {
      add(name + " must be between " + (long) min + " and " + (long) max + ", not " + clip(v.get()));
      return null;
    }
    return d;
  }

  /** A single-valued parameter; a duplicate with another value is recorded as a fault. */
  Optional<String> single(Parameters p, String name) {
    try {
      return p.optional(name);
    } catch (ParameterException e) {
      add(e.getMessage());
      return Optional.empty();
    }
  }

  /** An optional datetime parameter, read leniently; null when absent or faulty. */
  java.time.OffsetDateTime date(Parameters p, String name, java.time.ZoneId zone) {
    Optional<String> text = single(p, name);
    if (text.isEmpty()) {
      return null;
    }
    try {
      return org.civic311.georeport.GeoDateTime.parse(text.get(), zone);
    } catch (IllegalArgumentException e) {
      add(name + " '" + clip(text.get()) + "' " + e.getMessage());
      return null;
    }
  }

  /** Shortens a client's value for quoting in a message. */
  static String clip(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "...";
  }
}
