package org.civic311.server.web.stats;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.civic311.georeport.Format;
import org.civic311.server.domain.stats.Statistics;
import org.civic311.server.domain.stats.StatsFilters;
import org.civic311.server.web.Answer;
import org.civic311.server.web.Assets;
import org.civic311.server.web.Cors;
import org.civic311.server.web.DocumentFamily;
import org.civic311.server.web.Exchange;
import org.civic311.server.web.Family;
import org.civic311.server.web.Routes;
import org.civic311.server.web.citizen.Page;

/**
 * The statistics' routes: the numbers ({@code /data/stats.json}, {@code /data/stats.csv}) in a
 * document family of their own (GeoReport JSON errors, open CORS, a minute's caching), the
 * residents' dashboard {@code /stats} in their family, the staff's {@code /staff/stats} in theirs,
 * and the charts' scripts under {@code /stats/assets/}.
 */
public final class StatsEndpoints {
  static final String JSON = "/data/stats.json";
  static final String CSV = "/data/stats.csv";
  private static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
  private final Statistics statistics;
  private final StatsFilters filters;
  private final DocumentFamily family;
  private final StatsPage page;
  private final StaffStatsPage staffPage;
  private final Assets assets = Assets.only(Map.of("echarts.min.js", ECHARTS, "stats.js", "/citizen-assets/stats.js"));

  public StatsEndpoints(Statistics statistics, StatsFilters filters, Cors cors, Page.MapSettingsView map) {
    this.statistics = statistics;
    this.filters = filters;
    this.family = new DocumentFamily(p -> p.equals(JSON) || p.equals(CSV), Format.JSON, "public, max-age=60",
        "(statistics are /data/stats.json and /data/stats.csv)", cors);
    this.page = new StatsPage(statistics, filters, map);
    this.staffPage = new StaffStatsPage(statistics, filters);
  }

  public Family family() {
    return family;
  }

  /** Adds the routes; {@code pages} is the residents' family, {@code staff} the back office's. */
  public void routes(Routes r, Family pages, Family staff) {
    r.get(JSON, family, this::json);
    r.get(CSV, family, this::csv);
    r.get("/stats", pages, page::show);
    r.get("/stats/assets/{name}", pages, x -> assets.answer(x.param("name")));
    r.get("/staff/stats", staff, staffPage::show);
  }

  private Answer json(Exchange x) {
    return Answer.json(StatsJson.write(StatsJson.of(statistics.of(filters.parse(x.queryParameters())))));
  }

  private Answer csv(Exchange x) {
    String table = x.queryParameters().optional("table").orElse("series");
    String body = StatsCsv.of(statistics.of(filters.parse(x.queryParameters())), table);
    return Answer.of(200, "text/csv; charset=utf-8; header=present", body.getBytes(StandardCharsets.UTF_8))
        .withHeader("Content-Disposition", "attachment; filename=\"stats-" + table + ".csv\"");
  }
}
