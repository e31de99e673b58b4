package org.civic311.georeport;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The violations found in one document, and the field checks that find them. The checks know
 * the format: in JSON a boolean must be a JSON boolean and a code a JSON string, while in XML
 * everything is text and a boolean must read exactly {@code true} or {@code false}.
 *
 * <p>Each check reports what is wrong and carries on; none throws. Not thread-safe; one per
 * document.
 */
final class Findings {
  // W3C profile of ISO 8601 with whole seconds and a mandatory zone (section 10).
  private static final Pattern DATETIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})");
  private static final Pattern XML_INTEGER = Pattern.compile("-?\\d{1,10}");
  private static final Pattern XML_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

  private final Format format;
  private final List<String> violations = new ArrayList<>();

  Findings(Format format) {
    this.format = format;
  }

  List<String> violations() {
    return violations;
  }

  void add(String violation) {
    violations.add(violation);
  }

  /** Checks that a list member is an object; returns it, or null after reporting. */
  JsonNode object(JsonNode node, String path) {
    if (node != null && node.isObject()) {
      return node;
    }
    add(path + " must be an object, not " + describe(node));
    return null;
  }

  /** Checks that the whole document is a list; returns its members (none after reporting). */
  List<JsonNode> list(JsonNode node, String path) {
    List<JsonNode> out = new ArrayList<>();
    if (node != null && node.isArray()) {
      node.forEach(out::add);
    } else {
      add(path + " must be a list (a JSON array, or an XML wrapper of repeated elements), not "
          + describe(node));
    }
    return out;
  }

  /** Checks that a field is present (its value may still be null). */
  boolean present(JsonNode object, String field, String path) {
    if (object.has(field)) {
      return true;
    }
    add(path + "." + field + " is missing; absent optional fields are null or empty, never dropped");
    return false;
  }

  /** A field that must be present and a list; returns its members. */
  List<JsonNode> listField(JsonNode object, String field, String path) {
    if (!present(object, field, path)) {
      return List.of();
    }
    return list(object.get(field), path + "." + field);
  }

  /** A field that must be present and hold non-blank text; returns it, or null after reporting. */
  String requiredText(JsonNode object, String field, String path) {
    if (!present(object, field, path)) {
      return null;
    }
    String text = text(object.get(field), path + "." + field);
    if (text == null || text.isBlank()) {
      add(path + "." + field + " is required and must not be empty");
      return null;
    }
    return text;
  }

  /** A field that must be present and hold text or null; returns the text or null. */
  String optionalText(JsonNode object, String field, String path) {
    return present(object, field, path) ? text(object.get(field), path + "." + field) : null;
  }

  /** A field that must be present and be {@code true} or {@code false}. */
  void bool(JsonNode object, String field, String path) {
    if (!present(object, field, path)) {
      return;
    }
    JsonNode v = object.get(field);
    String at = path + "." + field;
    if (format == Format.JSON) {
      if (!v.isBoolean()) {
        add(at + " must be a JSON boolean, not " + describe(v));
      }
    } else if (!v.isTextual() || !(v.asText().equals("true") || v.asText().equals("false"))) {
      add(at + " must be true or false, not " + describe(v));
    }
  }

  /** A required field whose text must be one of {@code allowed}; returns it when it is. */
  String oneOf(JsonNode object, String field, String path, Set<String> allowed) {
    String v = requiredText(object, field, path);
    if (v != null && !allowed.contains(v)) {
      add(path + "." + field + " must be one of " + String.join(", ", sorted(allowed)) + ", not '" + v + "'");
      return null;
    }
    return v;
  }

  /** A required integer field within {@code [min, max]}; returns it, or null after reporting. */
  Integer integer(JsonNode object, String field, String path, int min, int max) {
    if (!present(object, field, path)) {
      return null;
    }
    JsonNode v = object.get(field);
    String at = path + "." + field;
    Long value = null;
    if (format == Format.JSON ? v.isIntegralNumber() && v.canConvertToLong()
        : v.isTextual() && XML_INTEGER.matcher(v.asText()).matches()) {
      value = format == Format.JSON ? v.longValue() : Long.valueOf(v.asText());
    }
    if (value == null || value < min || value > max) {
      add(at + " must be an integer from " + min + " to " + max + ", not " + describe(v));
      return null;
    }
    return value.intValue();
  }

  /** A field that must be present and hold null or a number within {@code [-limit, limit]}. */
  Double coordinate(JsonNode object, String field, String path, double limit) {
    if (!present(object, field, path) || object.get(field).isNull()) {
      return null;
    }
    JsonNode v = object.get(field);
    String at = path + "." + field;
    Double value = null;
    if (format == Format.JSON ? v.isNumber() : v.isTextual() && XML_NUMBER.matcher(v.asText()).matches()) {
      value = format == Format.JSON ? v.doubleValue() : Double.valueOf(v.asText());
    }
    if (value == null) {
      add(at + " must be a number, not " + describe(v));
    } else if (Math.abs(value) > limit) {
      add(at + " must be between -" + limit + " and " + limit + ", not " + value);
    }
    return value;
  }

  /** A datetime field in W3C form with whole seconds and a zone; null allowed unless required. */
  void datetime(JsonNode object, String field, String path, boolean required) {
    String v = required ? requiredText(object, field, path) : optionalText(object, field, path);
    if (v == null) {
      return;
    }
    boolean valid = DATETIME.matcher(v).matches();
    if (valid) {
      try {
        OffsetDateTime.parse(v);
      } catch (DateTimeException e) {
        valid = false;
      }
    }
    if (!valid) {
      add(path + "." + field + " must be a datetime such as 2024-03-04T09:12:00+01:00 (whole seconds, "
          + "Z or a numeric offset), not '" + v + "'");
    }
  }

  /** The text of a value: null for null; reports (and returns null for) anything else that is not a string. */
  private String text(JsonNode v, String at) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isTextual()) {
      return v.asText();
    }
    add(at + " must be " + (format == Format.JSON ? "a JSON string" : "text") + ", not " + describe(v));
    return null;
  }

  /** A short description of a value for messages, such as {@code number 7} or {@code string '7'}. */
  static String describe(JsonNode v) {
    if (v == null || v.isMissingNode()) {
      return "nothing";
    }
    if (v.isNull()) {
      return "null";
    }
    if (v.isTextual()) {
      String s = v.asText();
      return "'" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "'";
    }
    if (v.isNumber()) {
      return "number " + v.asText();
    }
    if (v.isBoolean()) {
      return "boolean " + v.asText();
    }
    return v.isArray() ? "a list" : "an object";
  }

  private static List<String> sorted(Set<String> values) {
    List<String> out = new ArrayList<>(values);
    out.sort(null);
    return out;
  }
}
