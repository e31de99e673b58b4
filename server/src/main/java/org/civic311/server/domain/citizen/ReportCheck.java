package org.civic311.server.domain.citizen;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civic311.georeport.Parameters;
import org.civic311.georeport.ServiceAttribute;
import org.civic311.server.storage.ServiceRecord;

/**
 * Checks a report as typed into the page, field by field, before it goes to {@code Intake}; the
 * page shows each problem beside its field. The rules match the API's, so what passes here
 * passes there; the API's own check stays the last word.
 */
public final class ReportCheck {
  public static final int MAX_DESCRIPTION = 4000;
  public static final int MAX_ADDRESS = 500;
  public static final int MAX_SHORT = 200;

  private ReportCheck() {}

  /** Problems by field name ({@code location}, {@code description}, {@code attribute[CODE]}, ...). */
  public static Map<String, Problem> check(ServiceRecord service, Parameters p) {
    Map<String, Problem> problems = new LinkedHashMap<>();
    String lat = value(p, "lat");
    String lon = value(p, "long");
    String address = value(p, "address_string");
    if (lat.isEmpty() != lon.isEmpty()) {
      problems.put("location", Problem.of("error.location_pair"));
    } else if (!lat.isEmpty()) {
      try {
        double a = Double.parseDouble(lat);
        double o = Double.parseDouble(lon);
        if (Math.abs(a) > 90 || Math.abs(o) > 180 || !Double.isFinite(a) || !Double.isFinite(o)) {
          problems.put("location", Problem.of("error.location_range"));
        }
      } catch (NumberFormatException e) {
        problems.put("location", Problem.of("error.location_range"));
      }
    } else if (address.isEmpty()) {
      problems.put("location", Problem.of("error.location_required"));
    }
    tooLong(problems, "address_string", address, MAX_ADDRESS);
    String description = value(p, "description");
    if (description.isEmpty()) {
      problems.put("description", Problem.of("error.description_required"));
    }
    tooLong(problems, "description", description, MAX_DESCRIPTION);
    String email = value(p, "email");
    // The rule Followers.follow applies after the request is stored: what passes here must pass there.
    if (!email.isEmpty() && !Followers.acceptsEmail(email)) {
      problems.put("email", Problem.of("error.email"));
    }
    tooLong(problems, "first_name", value(p, "first_name"), MAX_SHORT);
    tooLong(problems, "last_name", value(p, "last_name"), MAX_SHORT);
    String phone = value(p, "phone");
    if (!phone.isEmpty() && !phone.matches("[0-9+()./\\- x]{5,40}")) {
      problems.put("phone", Problem.of("error.phone"));
    }
    Map<String, List<String>> answers = p.attributes();
    for (ServiceAttribute a : service.attributes()) {
      if (!a.variable()) {
        continue;
      }
      String field = "attribute[" + a.code() + "]";
      List<String> values = answers.getOrDefault(a.code(), List.of()).stream().map(String::strip)
          .filter(v -> !v.isEmpty()).toList();
      if (values.isEmpty()) {
        if (a.required()) {
          problems.put(field, Problem.of("error.required"));
        }
        continue;
      }
      Problem problem = switch (a.datatype()) {
        case STRING -> values.get(0).length() > MAX_SHORT ? Problem.of("error.too_long", "" + MAX_SHORT) : null;
        case TEXT -> values.get(0).length() > MAX_DESCRIPTION
            ? Problem.of("error.too_long", "" + MAX_DESCRIPTION) : null;
        case NUMBER -> number(values.get(0));
        case DATETIME -> datetime(values.get(0));
        case SINGLEVALUELIST -> values.size() > 1 || !a.hasKey(values.get(0)) ? Problem.of("error.choice") : null;
        case MULTIVALUELIST -> values.stream().allMatch(a::hasKey) ? null : Problem.of("error.choice");
      };
      if (problem != null) {
        problems.put(field, problem);
      }
    }
    return problems;
  }

  private static Problem number(String text) {
    try {
      new BigDecimal(text);
      return null;
    } catch (NumberFormatException e) {
      return Problem.of("error.number");
    }
  }

  private static Problem datetime(String text) {
    try {
      LocalDateTime.parse(text);
      return null;
    } catch (DateTimeParseException e) {
      try {
        java.time.OffsetDateTime.parse(text);
        return null;
      } catch (DateTimeParseException e2) {
        return Problem.of("error.datetime");
      }
    }
  }

  private static void tooLong(Map<String, Problem> problems, String field, String value, int max) {
    if (value.codePointCount(0, value.length()) > max) {
      problems.put(field, Problem.of("error.too_long", Integer.toString(max)));
    }
  }

  static String value(Parameters p, String name) {
    List<String> all = p.all(name);
    return all.isEmpty() ? "" : all.get(0).strip();
  }
}
