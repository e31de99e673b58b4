package org.civic311.server.web.citizen;

import org.civic311.server.web.Assets;
import org.civic311.server.web.BodyLimits;
import org.civic311.server.web.Failure;
import org.civic311.server.web.Family;
import org.civic311.server.web.Routes;
import org.civic311.server.web.Templates;
import org.civic311.server.web.WriteGate;

/**
 * The public pages' routes: {@code /} (choose a service), {@code /report/<code>},
 * {@code /thanks}, {@code /requests/<id>}, {@code /browse}, {@code /unsubscribe/<token>} and their
 * static files under {@code /static/}.
 */
public final class CitizenPages {
  private final Templates templates = new Templates("citizen");
  private final Assets assets = new Assets(java.util.Map.of("citizen.css", "/citizen-assets/citizen.css",
      "citizen.js", "/citizen-assets/citizen.js"));
  private final ReportPages report;
  private final TrackPage track;
  private final BrowsePage browse;
  private final UnsubscribePage unsubscribe;
  private final CitizenFamily family;
  private final WriteGate posts;

  public CitizenPages(CitizenServices services, String tileOrigin) {
    this.report = new ReportPages(services, templates);
    this.track = new TrackPage(services, templates);
    this.browse = new BrowsePage(services, templates);
    this.unsubscribe = new UnsubscribePage(services, templates);
    this.family = new CitizenFamily(services, templates, tileOrigin);
    this.posts = services.limiter().pagePosts();
  }

  public Family family() {
    return family;
  }

  /** Adds the pages' routes: {@code report} takes photos, the other forms only fields. */
  public void routes(Routes r, BodyLimits report, BodyLimits form) {
    r.get("/", family, this.report::choose);
    r.get("/report", family, this.report::choose);
    r.get("/report/{code}", family, x -> this.report.form(x, x.param("code")));
    r.write("/report/{code}", family, x -> this.report.submit(x, x.param("code")), report, posts);
    r.get("/thanks", family, this.report::thanks);
    r.get("/requests/{id}", family, x -> track.show(x, id(x.param("id"))));
    r.write("/requests/{id}/support", family, x -> track.support(x, id(x.param("id"))), form, posts);
    r.get("/browse", family, browse::show);
    r.get("/unsubscribe/{token}", family, x -> unsubscribe.show(x, x.param("token"))).secret();
    r.write("/unsubscribe/{token}", family, x -> unsubscribe.confirm(x, x.param("token")), form, posts).secret();
    r.get("/static/{name*}", family, x -> assets.answer(x.param("name")));
  }

  /** The model of the error page. */
  public record ErrorView(Page page, int status, String message) {}

  static long id(String text) {
    if (!text.matches("\\d{1,18}")) {
      throw Failure.keyed(404, "error.not_found");
    }
    return Long.parseLong(text);
  }
}
