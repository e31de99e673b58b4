package org.civic311.server.web.stats;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.civic311.server.domain.stats.Dashboard;
import org.civic311.server.domain.stats.StatsQuery;

/** A dashboard as the JSON of {@code /data/stats.json} (described in docs/STATISTICS.md and the OpenAPI document). */
final class StatsJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StatsJson() {}

  static ObjectNode of(Dashboard d) {
    StatsQuery q = d.query();
    ObjectNode root = JSON.createObjectNode();
    root.put("jurisdiction_id", q.jurisdiction().id());
    root.put("start_date", q.start().toString());
    root.put("end_date", q.end().toString());
    root.put("period", q.period().wireName());
    root.put("days_are", "UTC");
    ArrayNode codes = root.putArray("service_code");
    q.serviceCodes().forEach(codes::add);
    if (q.group() == null) {
      root.putNull("group");
    } else {
      root.put("group", q.group());
    }
    ObjectNode totals = root.putObject("totals");
    totals.put("requested", d.totals().opened());
    totals.put("closed", d.totals().closed());
    totals.put("open_now", d.totals().openNow());
    totals.put("median_days_to_close", d.totals().medianDays());
    totals.put("p90_days_to_close", d.totals().p90Days());
    ArrayNode series = root.putArray("series");
    for (Dashboard.Point p : d.series()) {
      ObjectNode o = series.addObject();
      o.put("start", p.start().toString());
      o.put("requested", p.opened());
      o.put("closed", p.closed());
    }
    ArrayNode services = root.putArray("services");
    for (Dashboard.ServiceRow s : d.services()) {
      ObjectNode o = services.addObject();
      o.put("service_code", s.code());
      o.put("service_name", s.name());
      o.put("group", s.group());
      o.put("sla_days", s.slaDays());
      o.put("requested", s.opened());
      o.put("closed", s.closed());
      o.put("open_now", s.openNow());
      o.put("median_days_to_close", s.medianDays());
      o.put("p90_days_to_close", s.p90Days());
      o.put("share_closed_within_target", s.withinTarget());
    }
    ObjectNode cells = root.putObject("cells");
    cells.put("cell_degrees", 0.01);
    cells.put("counted_by", "month");
    ArrayNode items = cells.putArray("items");
    for (Dashboard.CellRow c : d.cells()) {
      ObjectNode o = items.addObject();
      o.put("south", c.south());
      o.put("west", c.west());
      o.put("north", c.north());
      o.put("east", c.east());
      o.put("requests", c.requests());
    }
    root.set("slowest_open", open(d.slowest()));
    if (!d.agencies().isEmpty() || !d.overdue().isEmpty()) {
      ArrayNode agencies = root.putArray("agencies");
      for (Dashboard.AgencyRow a : d.agencies()) {
        ObjectNode o = agencies.addObject();
        o.put("agency", a.agency());
        o.put("requested", a.opened());
        o.put("closed", a.closed());
        o.put("open_now", a.openNow());
      }
      root.set("overdue", open(d.overdue()));
    }
    return root;
  }

  private static ArrayNode open(java.util.List<Dashboard.OpenRow> rows) {
    ArrayNode out = JSON.createArrayNode();
    for (Dashboard.OpenRow r : rows) {
      ObjectNode o = out.addObject();
      o.put("service_request_id", Long.toString(r.id()));
      o.put("service_code", r.serviceCode());
      o.put("service_name", r.serviceName());
      o.put("requested_date", r.requested().toString());
      o.put("age_days", r.ageDays());
      o.put("sla_days", r.slaDays());
      o.put("days_over_target", r.overTargetDays());
      o.put("expected_date", r.expected() == null ? null : r.expected().toString());
    }
    return out;
  }

  static String write(ObjectNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
