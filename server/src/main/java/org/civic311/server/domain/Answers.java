package org.civic311.server.domain;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.civic311.georeport.AttributeValue;
import org.civic311.georeport.Datatype;
import org.civic311.georeport.GeoDateTime;
import org.civic311.georeport.ServiceAttribute;

/**
 * Checks the submitted attribute answers against a service definition. Answers to unknown codes
 * and to display-only attributes are dropped (the project's decision); a missing required answer
 * or a bad value for a defined attribute is a fault naming {@code attribute[CODE]}. Answers to
 * {@code string} and {@code text} attributes are free text: stray control characters are dropped.
 */
final class Answers {
  static final int MAX_TEXT = 4000;

  private Answers() {}

  /** The answers worth storing, code to values; faults go to {@code violations}. */
  static Map<String, List<String>> check(List<ServiceAttribute> definition, Map<String, List<String>> submitted,
      ZoneId zone, Violations violations) {
    Map<String, List<String>> kept = new LinkedHashMap<>();
    for (ServiceAttribute a : definition) {
      if (!a.variable()) {
        continue;
      }
      String name = "attribute[" + a.code() + "]";
      List<String> sent = submitted.getOrDefault(a.code(), List.of());
      if (a.datatype() == Datatype.STRING || a.datatype() == Datatype.TEXT) {
        sent = sent.stream().map(FreeText::clean).toList();
      }
      List<String> values = new ArrayList<>(new LinkedHashSet<>(sent));
      if (values.isEmpty()) {
        if (a.required()) {
          violations.add(name + " is required: " + a.description());
        }
        continue;
      }
      if (a.datatype() != Datatype.MULTIVALUELIST && values.size() > 1) {
        violations.add(name + " takes one value, but " + values.size() + " different values were sent");
        continue;
      }
      String problem = null;
      for (String v : values) {
        problem = problem != null ? problem : problem(a, v, zone);
      }
      if (problem != null) {
        violations.add(name + " " + problem);
      } else {
        kept.put(a.code(), values);
      }
    }
    return kept;
  }

  private static String problem(ServiceAttribute a, String value, ZoneId zone) {
    switch (a.datatype()) {
      case NUMBER:
        return Violations.DECIMAL.matcher(value.trim()).matches() ? null
            : "must be a number, not '" + Violations.clip(value) + "'";
      case DATETIME:
        try {
          GeoDateTime.parse(value, zone);
          return null;
        } catch (IllegalArgumentException e) {
          return "'" + Violations.clip(value) + "' " + e.getMessage();
        }
      case SINGLEVALUELIST:
      case MULTIVALUELIST:
        if (a.hasKey(value)) {
          return null;
        }
        List<String> keys = new ArrayList<>();
        for (AttributeValue v : a.values()) {
          keys.add(v.key());
        }
        return "'" + Violations.clip(value) + "' is not one of its keys (" + String.join(", ", keys) + ")";
      default:
        return Violations.textProblem(value, MAX_TEXT);
    }
  }
}
