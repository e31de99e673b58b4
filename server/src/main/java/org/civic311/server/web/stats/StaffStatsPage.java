package org.civic311.server.web.stats;

import java.util.ArrayList;
import java.util.List;
import org.civic311.server.domain.Refusal;
import org.civic311.server.domain.staff.NotPermitted;
import org.civic311.server.domain.staff.StaffMember;
import org.civic311.server.domain.stats.Dashboard;
import org.civic311.server.domain.stats.Statistics;
import org.civic311.server.domain.stats.StatsFilters;
import org.civic311.server.domain.stats.StatsQuery;
import org.civic311.server.web.Answer;
import org.civic311.server.web.Exchange;
import org.civic311.server.web.Templates;
import org.civic311.server.web.staff.Frame;

/**
 * The staff's dashboard: the residents' numbers plus counts by agency and the overdue queue,
 * for staff who may read the jurisdiction.
 */
public final class StaffStatsPage {
  private final Templates templates = new Templates("staff");
  private final Statistics statistics;
  private final StatsFilters filters;

  StaffStatsPage(Statistics statistics, StatsFilters filters) {
    this.statistics = statistics;
    this.filters = filters;
  }

  /** The model of the staff's dashboard; {@code dashboard} is null when the filters were refused. */
  public record StaffStatsView(Frame frame, List<String> problems, String start, String end, String period,
      String serviceCode, String group, Dashboard dashboard, String query) {

    public String days(Double d) {
      return StatsPage.StatsView.days(d);
    }

    public String percent(Double d) {
      return StatsPage.StatsView.percent(d);
    }
  }

  Answer show(Exchange x) {
    StaffMember member = x.requireSession().member();
    List<String> problems = new ArrayList<>();
    Dashboard dashboard = null;
    StatsQuery q = null;
    try {
      q = filters.parse(x.queryParameters());
      if (!member.canRead(q.jurisdiction().id())) {
        throw new NotPermitted("You may not read the statistics of jurisdiction " + q.jurisdiction().id() + ".");
      }
      dashboard = statistics.forStaff(q);
    } catch (Refusal e) {
      if (e.reason() == Refusal.Reason.NOT_FOUND) {
        throw e;
      }
      problems.addAll(e.messages());
    }
    var p = x.queryParameters();
    String query = StatsPage.query(p);
    Frame frame = Frame.of(x, x.t().get("stats.title"), "stats", null, null);
    return Answer.html(problems.isEmpty() ? 200 : 400, templates.render("stats", new StaffStatsView(frame, problems,
        q == null ? p.optional("start_date").orElse("") : q.start().toString(),
        q == null ? p.optional("end_date").orElse("") : q.end().toString(),
        q == null ? p.optional("period").orElse("") : q.period().wireName(),
        p.optional("service_code").orElse(""), p.optional("group").orElse(""), dashboard, query)));
  }
}
