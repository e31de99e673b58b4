package org.civic311.server.web.citizen;

import org.civic311.server.web.Answer;
import org.civic311.server.web.Exchange;
import org.civic311.server.web.Failure;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.civic311.server.storage.MediaRecord;
import org.civic311.server.storage.RequestRecord;
import org.civic311.server.storage.RequestStore;
import org.civic311.server.storage.UpdateRecord;
import org.civic311.server.web.Templates;

/** A request's public page: status, history, photos, a small map; and "me too". */
public final class TrackPage {
  static final String SUPPORTED_COOKIE = "c311_supported";
  private final CitizenServices services;
  private final Templates templates;

  TrackPage(CitizenServices services, Templates templates) {
    this.services = services;
    this.templates = templates;
  }

  /** One entry of the public history. */
  public record Entry(String when, String status, String note) {}

  /** One photo: the image and its thumbnail. */
  public record Photo(String url, String thumbnail) {}

  /** The model of the track page. */
  public record TrackView(Page page, long id, String service, String status, String statusText, String detailed,
      String description, String address, String requested, String updated, String expected, List<Entry> history,
      List<Photo> photos, int support, boolean open, boolean supported, Double lat, Double lon, String notice,
      String usually, String mirrorOf) {}

  /** "Requests like this are usually closed within N days", or the service's target, or "". */
  static String usually(CitizenServices services, RequestRecord r, Messages t) {
    return services.reporting().catalogue().find(r.serviceCode())
        .flatMap(s -> services.intake().estimate(services.reporting().catalogue().jurisdiction().id(), s))
        .map(e -> t.get(e.basis() == org.civic311.server.domain.stats.ExpectedDates.Basis.HISTORY
            ? "expected.usually" : "expected.target", e.wholeDays()))
        .orElse("");
  }

  Answer show(Exchange call, long id) {
    RequestRecord r = services.reporting().find(id).orElseThrow(() -> Failure.keyed(404, "error.not_found"));
    Messages t = call.t();
    ZoneId zone = services.reporting().catalogue().jurisdiction().zone();
    List<Entry> history = new ArrayList<>();
    for (UpdateRecord u : services.reporting().history(id)) {
      history.add(new Entry(time(u.updatedAt(), zone), t.get("status." + u.status()),
          u.description() == null ? "" : u.description()));
    }
    List<Photo> photos = new ArrayList<>();
    for (MediaRecord m : services.reporting().photos(id)) {
      photos.add(new Photo(m.url(), m.thumbKey() == null ? m.url() : "/media/" + m.thumbKey() + ".jpg"));
    }
    String detailed = r.extendedStatus() == null ? "" : t.get("status." + r.extendedStatus());
    String notice = !call.value("supported").isEmpty() ? t.get("track.supported")
        : !call.value("already").isEmpty() ? t.get("track.already") : null;
    Page page = new Page(t.get("track.title", id), t, "/requests/" + id, r.lat() != null, services.map())
        .withFeeds(new Page.Feeds(t.get("feed.track", id), "/feeds/requests/" + id + ".atom",
            "/feeds/requests/" + id + ".rss"));
    return Answer.html(200, templates.render("track", new TrackView(page, id, r.serviceName(), r.status(),
        t.get("status." + r.status()), detailed, r.description() == null ? "" : r.description(),
        r.address() == null ? "" : r.address(), time(r.requestedAt(), zone), time(r.updatedAt(), zone),
        r.expectedAt() == null ? "" : time(r.expectedAt(), zone), history, photos, r.supportCount(),
        r.status().equals("open"), supportedBefore(call, id), r.lat(), r.lon(), notice,
        r.status().equals("open") ? usually(services, r, t) : "",
        services.api().mirrorOf(r.jurisdictionId()))));
  }

  /**
   * "Me too": one more person has the same problem. Counted once per browser (a cookie) and once
   * per client address and day (a marker in the database, so every node agrees).
   */
  Answer support(Exchange call, long id) {
    if (supportedBefore(call, id)) {
      return Answer.seeOther("/requests/" + id + "?already=1");
    }
    RequestStore.Support counted = services.reporting().support(id, call.client());
    if (counted == RequestStore.Support.NO_SUCH_REQUEST) {
      throw Failure.keyed(404, "error.not_found");
    }
    String before = call.cookie(SUPPORTED_COOKIE);
    String ids = before.isEmpty() ? Long.toString(id) : before + "." + id;
    if (ids.length() > 1000) {
      ids = Long.toString(id);
    }
    String notice = counted == RequestStore.Support.COUNTED ? "?supported=1" : "?already=1";
    return Answer.seeOther("/requests/" + id + notice)
        .withCookie(SUPPORTED_COOKIE + "=" + ids + "; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax");
  }

  static boolean supportedBefore(Exchange call, long id) {
    return Arrays.asList(call.cookie(SUPPORTED_COOKIE).split("\\.")).contains(Long.toString(id));
  }

  static String time(long millis, ZoneId zone) {
    return org.civic311.server.web.PageTimes.show(millis, zone);
  }
}
