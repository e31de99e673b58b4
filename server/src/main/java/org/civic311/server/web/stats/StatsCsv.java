package org.civic311.server.web.stats;

import java.util.List;
import java.util.Locale;
import org.civic311.server.domain.stats.Dashboard;
import org.civic311.server.web.Failure;

/** The tables of a dashboard as CSV, one table per file, with the same column names as the JSON. */
final class StatsCsv {
  /** The tables there are. */
  static final List<String> TABLES = List.of("series", "services", "cells", "slowest_open");

  private StatsCsv() {}

  static String of(Dashboard d, String table) {
    StringBuilder out = new StringBuilder();
    switch (table) {
      case "series" -> {
        line(out, "start", "requested", "closed");
        for (Dashboard.Point p : d.series()) {
          line(out, p.start(), p.opened(), p.closed());
        }
      }
      case "services" -> {
        line(out, "service_code", "service_name", "group", "sla_days", "requested", "closed", "open_now",
            "median_days_to_close", "p90_days_to_close", "share_closed_within_target");
        for (Dashboard.ServiceRow s : d.services()) {
          line(out, s.code(), s.name(), s.group(), s.slaDays(), s.opened(), s.closed(), s.openNow(), s.medianDays(),
              s.p90Days(), s.withinTarget());
        }
      }
      case "cells" -> {
        line(out, "south", "west", "north", "east", "requests");
        for (Dashboard.CellRow c : d.cells()) {
          line(out, c.south(), c.west(), c.north(), c.east(), c.requests());
        }
      }
      case "slowest_open" -> {
        line(out, "service_request_id", "service_code", "service_name", "requested_date", "age_days", "sla_days",
            "days_over_target", "expected_date");
        for (Dashboard.OpenRow r : d.slowest()) {
          line(out, r.id(), r.serviceCode(), r.serviceName(), r.requested(), r.ageDays(), r.slaDays(),
              r.overTargetDays(), r.expected());
        }
      }
      default -> throw new Failure(400, "table must be one of " + String.join(", ", TABLES) + ", not '"
          + table + "'");
    }
    return out.toString();
  }

  private static void line(StringBuilder out, Object... values) {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(values[i]));
    }
    out.append("\r\n");
  }

  private static String cell(Object v) {
    if (v == null) {
      return "";
    }
    String s = v instanceof Double d ? String.format(Locale.ROOT, "%s", d) : v.toString();
    // A leading = + - @ would be a formula to a spreadsheet; service names are typed by staff.
    if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !(v instanceof Number)) {
      s = "'" + s;
    }
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      s = "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
