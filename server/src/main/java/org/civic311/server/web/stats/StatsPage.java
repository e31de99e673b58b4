package org.civic311.server.web.stats;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.civic311.georeport.Parameters;
import org.civic311.server.domain.Refusal;
import org.civic311.server.domain.stats.Dashboard;
import org.civic311.server.domain.stats.Statistics;
import org.civic311.server.domain.stats.StatsFilters;
import org.civic311.server.domain.stats.StatsQuery;
import org.civic311.server.web.Answer;
import org.civic311.server.web.Exchange;
import org.civic311.server.web.Templates;
import org.civic311.server.web.citizen.Messages;
import org.civic311.server.web.citizen.Page;

/**
 * The residents' dashboard: the same numbers as {@code /data/stats.json}, as charts drawn by a
 * script and, beside each, the table they are drawn from (the page is whole without the script).
 * Bad filters are named on the page, with a 400.
 */
public final class StatsPage {
  private final Templates templates = new Templates("citizen");
  private final Statistics statistics;
  private final StatsFilters filters;
  private final Page.MapSettingsView map;

  StatsPage(Statistics statistics, StatsFilters filters, Page.MapSettingsView map) {
    this.statistics = statistics;
    this.filters = filters;
    this.map = map;
  }

  /** A choice in a filter. */
  public record Choice(String value, String label, boolean chosen) {}

  /** The model of the page: {@code dashboard} is null when the filters were refused. */
  public record StatsView(Page page, List<String> problems, String start, String end, List<Choice> periods,
      List<Choice> services, List<Choice> groups, Dashboard dashboard, String query) {

    /** A table's CSV download, with the same filters. */
    public String csv(String table) {
      return StatsEndpoints.CSV + "?table=" + table + (query.isEmpty() ? "" : "&" + query);
    }

    public String json() {
      return StatsEndpoints.JSON + (query.isEmpty() ? "" : "?" + query);
    }

    /** A number of days, or a dash. */
    public static String days(Double d) {
      return d == null ? "–" : String.format(java.util.Locale.ROOT, "%.1f", d);
    }

    /** A share as a percentage, or a dash. */
    public static String percent(Double d) {
      return d == null ? "–" : Math.round(d * 100) + " %";
    }
  }

  Answer show(Exchange x) {
    Messages t = x.t();
    Parameters p = x.queryParameters();
    List<String> problems = new ArrayList<>();
    Dashboard dashboard = null;
    StatsQuery q = null;
    try {
      q = filters.parse(p);
      dashboard = statistics.of(q);
    } catch (Refusal e) {
      if (e.reason() == Refusal.Reason.NOT_FOUND) {
        throw e;
      }
      problems.addAll(e.messages());
    } catch (org.civic311.georeport.ParameterException e) {
      problems.add(e.getMessage());
    }
    String query = query(p);
    String start = q == null ? p.optional("start_date").orElse("") : q.start().toString();
    String end = q == null ? p.optional("end_date").orElse("") : q.end().toString();
    String period = q == null ? p.optional("period").orElse("") : q.period().wireName();
    List<Choice> periods = new ArrayList<>();
    for (StatsQuery.Period each : StatsQuery.Period.values()) {
      periods.add(new Choice(each.wireName(), t.get("stats.period." + each.wireName()),
          each.wireName().equals(period)));
    }
    String code = p.optional("service_code").orElse("");
    String group = p.optional("group").orElse("");
    List<Choice> services = new ArrayList<>();
    TreeSet<String> groups = new TreeSet<>();
    String jurisdiction = q != null ? q.jurisdiction().id() : filters.jurisdictionOf(p).orElse(null);
    for (var s : jurisdiction == null ? List.<org.civic311.server.storage.ServiceRecord>of()
        : filters.services(jurisdiction)) {
      services.add(new Choice(s.code(), s.name(), s.code().equals(code)));
      if (s.group() != null) {
        groups.add(s.group());
      }
    }
    List<Choice> groupChoices = groups.stream().map(g -> new Choice(g, g, g.equals(group))).toList();
    Page frame = new Page(t.get("stats.title"), t, "/stats" + (query.isEmpty() ? "" : "?" + query), true, map);
    return Answer.html(problems.isEmpty() ? 200 : 400, templates.render("stats", new StatsView(frame, problems, start,
        end, periods, services, groupChoices, dashboard, query)));
  }

  /** The filters of this call, to repeat in the page's links. */
  static String query(Parameters p) {
    StringBuilder out = new StringBuilder();
    for (String name : List.of("jurisdiction_id", "start_date", "end_date", "period", "service_code", "group")) {
      for (String v : p.all(name)) {
        out.append(out.length() == 0 ? "" : "&").append(name).append('=')
            .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
      }
    }
    return out.toString();
  }
}
