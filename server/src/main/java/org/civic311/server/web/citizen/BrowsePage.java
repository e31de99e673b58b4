package org.civic311.server.web.citizen;

import org.civic311.server.web.Answer;
import org.civic311.server.web.Exchange;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.civic311.georeport.Service;
import org.civic311.server.storage.RequestQuery;
import org.civic311.server.storage.RequestRecord;
import org.civic311.server.web.Templates;

/** Recent public requests as a list and on a map, by service, status and area. */
public final class BrowsePage {
  static final int PAGE_SIZE = 25;
  private static final ObjectMapper JSON = new ObjectMapper();
  private final CitizenServices services;
  private final Templates templates;

  BrowsePage(CitizenServices services, Templates templates) {
    this.services = services;
    this.templates = templates;
  }

  /** One request as listed. */
  public record Row(long id, String service, String status, String statusText, String description, String address,
      String requested, int support, String url) {}

  /** A choice in a filter. */
  public record Choice(String value, String label, boolean chosen) {}

  /** The model of the browse page. */
  public record BrowseView(Page page, List<Row> rows, List<Choice> services, List<Choice> statuses, String bbox,
      String bboxProblem, String previousUrl, String nextUrl, String points) {}

  Answer show(Exchange call) {
    Messages t = call.t();
    String service = call.value("service");
    if (!service.isEmpty() && services.reporting().catalogue().find(service).isEmpty()) {
      service = "";
    }
    String status = call.value("status").equals("open") || call.value("status").equals("closed")
        ? call.value("status") : "";
    RequestQuery.Box box = null;
    String bboxProblem = null;
    if (!call.value("bbox").isEmpty()) {
      box = box(call.value("bbox"));
      if (box == null) {
        bboxProblem = t.get("browse.bad_area");
      }
    }
    int page = 1;
    if (call.value("page").matches("\\d{1,5}")) {
      page = Math.max(1, Integer.parseInt(call.value("page")));
    }
    List<RequestRecord> found = services.reporting().recent(service.isEmpty() ? null : service,
        status.isEmpty() ? null : status, box, page, PAGE_SIZE);
    boolean more = found.size() > PAGE_SIZE;
    ZoneId zone = services.reporting().catalogue().jurisdiction().zone();
    List<Row> rows = new ArrayList<>();
    ArrayNode points = JSON.createArrayNode();
    for (RequestRecord r : found.subList(0, Math.min(found.size(), PAGE_SIZE))) {
      rows.add(new Row(r.id(), r.serviceName(), r.status(), t.get("status." + r.status()),
          r.description() == null ? "" : shorten(r.description()), r.address() == null ? "" : r.address(),
          TrackPage.time(r.requestedAt(), zone), r.supportCount(), "/requests/" + r.id()));
      if (r.lat() != null) {
        ObjectNode p = points.addObject();
        p.put("lat", r.lat());
        p.put("lon", r.lon());
        p.put("label", "#" + r.id() + " " + r.serviceName());
        p.put("url", "/requests/" + r.id());
      }
    }
    List<Choice> serviceChoices = new ArrayList<>();
    for (Service s : services.reporting().catalogue().services(ReportPages.language(call))) {
      serviceChoices.add(new Choice(s.code(), s.name(), s.code().equals(service)));
    }
    List<Choice> statuses = List.of(new Choice("open", t.get("status.open"), status.equals("open")),
        new Choice("closed", t.get("status.closed"), status.equals("closed")));
    String base = "/browse?service=" + ReportPages.encode(service) + "&status=" + status + "&bbox="
        + ReportPages.encode(box == null ? "" : call.value("bbox"));
    Page frame = new Page(t.get("browse.title"), t, base + "&page=" + page, true, services.map())
        .withFeeds(feeds(t, service, status, box == null ? "" : call.value("bbox")));
    return Answer.html(bboxProblem == null ? 200 : 400, templates.render("browse", new BrowseView(frame, rows,
        serviceChoices, statuses, box == null ? "" : call.value("bbox"), bboxProblem,
        page > 1 ? base + "&page=" + (page - 1) : null, more ? base + "&page=" + (page + 1) : null,
        points.toString())));
  }

  /** The feeds of the requests these filters show, in the API's parameter names. */
  private static Page.Feeds feeds(Messages t, String service, String status, String bbox) {
    StringBuilder q = new StringBuilder();
    if (!service.isEmpty()) {
      q.append("&service_code=").append(ReportPages.encode(service));
    }
    if (!status.isEmpty()) {
      q.append("&status=").append(status);
    }
    if (!bbox.isEmpty()) {
      q.append("&bbox=").append(ReportPages.encode(bbox));
    }
    String query = q.length() == 0 ? "" : "?" + q.substring(1);
    return new Page.Feeds(t.get("feed.browse"), "/feeds/requests.atom" + query, "/feeds/requests.rss" + query);
  }

  static RequestQuery.Box box(String text) {
    String[] parts = text.split(",");
    if (parts.length != 4) {
      return null;
    }
    try {
      double w = Double.parseDouble(parts[0].trim());
      double s = Double.parseDouble(parts[1].trim());
      double e = Double.parseDouble(parts[2].trim());
      double n = Double.parseDouble(parts[3].trim());
      if (w < -180 || e > 180 || s < -90 || n > 90 || w > e || s > n) {
        return null;
      }
      return new RequestQuery.Box(w, s, e, n);
    } catch (NumberFormatException ex) {
      return null;
    }
  }

  private static String shorten(String s) {
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() <= 140 ? one : one.substring(0, 139) + "…";
  }
}
