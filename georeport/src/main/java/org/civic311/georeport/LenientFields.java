package org.civic311.georeport;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the fields of one object of a Spark tree as leniently as real servers make it
 * necessary: numbers and booleans may arrive as strings (always so in XML), codes and ids as
 * numbers, booleans as {@code true/false/1/0/yes/no} in any case, and an empty string is the
 * same as an absent field. Failures are {@link DocumentException}s naming the field's path.
 */
final class LenientFields {
  private static final Pattern ZONELESS =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");
  private final JsonNode object;
  private final String path;

  /** @throws DocumentException when {@code node} is not an object */
  LenientFields(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      throw new DocumentException(path + " is not an object");
    }
    this.object = node;
    this.path = path;
  }

  /** The field's text, or null when it is absent, null or empty. */
  String text(String field) {
    JsonNode v = object.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isValueNode()) {
      throw new DocumentException(at(field) + " is not text");
    }
    String s = v.asText();
    return s.isEmpty() ? null : s;
  }

  /** Like {@link #text} but absence is an error. */
  String requiredText(String field) {
    String s = text(field);
    if (s == null) {
      throw new DocumentException(at(field) + " is missing");
    }
    return s;
  }

  /** The field as a boolean, or {@code absent} when it is absent, null or empty. */
  boolean bool(String field, boolean absent) {
    JsonNode v = object.get(field);
    if (v != null && v.isBoolean()) {
      return v.booleanValue();
    }
    String s = text(field);
    if (s == null) {
      return absent;
    }
    switch (s.trim().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes":
        return true;
      case "false", "0", "no":
        return false;
      default:
        throw new DocumentException(at(field) + " '" + s + "' is not a boolean");
    }
  }

  /** The field as an int; absence is an error. */
  int integer(String field) {
    String s = requiredText(field).trim();
    try {
      return new BigDecimal(s).intValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new DocumentException(at(field) + " '" + s + "' is not an integer", e);
    }
  }

  /** The field as a finite number, or null when absent, null or empty. */
  Double decimal(String field) {
    String s = text(field);
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      double d = Double.parseDouble(s.trim());
      if (Double.isFinite(d)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new DocumentException(at(field) + " '" + s + "' is not a number");
  }

  /**
   * The field as a datetime, read as leniently as {@link GeoDateTime#parse} reads (bare dates in
   * UTC), and more: servers also write datetimes without a zone or with a space for the
   * {@code T} ({@code 2019-11-14 00:21:08}), which are read as UTC, since a document gives no
   * better zone. (Parameters a server receives stay strict: there a missing zone is a 400.)
   */
  OffsetDateTime datetime(String field) {
    String s = text(field);
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return GeoDateTime.parse(s, ZoneOffset.UTC);
    } catch (IllegalArgumentException e) {
      OffsetDateTime local = withoutZone(s.trim());
      if (local != null) {
        return local;
      }
      throw new DocumentException(at(field) + " '" + s + "' " + e.getMessage(), e);
    }
  }

  private static OffsetDateTime withoutZone(String s) {
    if (!ZONELESS.matcher(s).matches()) {
      return null;
    }
    try {
      return LocalDateTime.parse(s.replace(' ', 'T')).atOffset(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** Like {@link #datetime} but absence is an error. */
  OffsetDateTime requiredDatetime(String field) {
    OffsetDateTime t = datetime(field);
    if (t == null) {
      throw new DocumentException(at(field) + " is missing");
    }
    return t;
  }

  /** The members of a list field: an array's items, one item for a single value, none when absent. */
  List<JsonNode> list(String field) {
    return items(object.get(field));
  }

  /** The path of a field, for messages. */
  String at(String field) {
    return path + "." + field;
  }

  /** The members of a list node: an array's items, the node itself when it is a lone value, or none. */
  static List<JsonNode> items(JsonNode node) {
    List<JsonNode> out = new ArrayList<>();
    if (node == null || node.isNull() || node.isMissingNode()) {
      return out;
    }
    if (node.isArray()) {
      node.forEach(out::add);
    } else {
      out.add(node);
    }
    return out;
  }
}
