package org.civic311.server.web.staff;

import org.civic311.server.web.Answer;
import org.civic311.server.web.Exchange;
import org.civic311.server.web.Templates;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civic311.server.domain.Catalogue;
import org.civic311.server.domain.staff.InvalidInput;
import org.civic311.server.domain.staff.Queue;
import org.civic311.server.domain.staff.QueueFilter;
import org.civic311.server.domain.staff.StaffMember;
import org.civic311.server.storage.RequestRecord;
import org.civic311.server.storage.ServiceRecord;

/** The queue: a filtered, ordered, paged table of requests, with the same page on a map. */
public final class QueuePage {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> SORTS = List.of("newest", "oldest", "updated", "service", "status", "expected");
  private final StaffServices services;
  private final Templates templates;

  QueuePage(StaffServices services, Templates templates) {
    this.services = services;
    this.templates = templates;
  }

  /** One row of the table. */
  public record Row(long id, String url, String service, String status, String detailed, String agency,
      String requested, String updated, String expected, boolean overdue, boolean hidden, String address,
      String description) {}

  /** The model of the queue page. */
  public record QueueView(Frame frame, QueueFilter filter, List<Row> rows, List<Views.Option> jurisdictions,
      List<Views.Option> services, List<Views.Option> detailed, List<Views.Option> sorts, Map<String, String> errors,
      String previousUrl, String nextUrl, String points) {

    /** The name of the order the table is in. */
    public String sortName() {
      return sorts.stream().filter(o -> o.value().equals(filter.sort())).map(Views.Option::label).findFirst()
          .orElse(filter.sort());
    }
  }

  Answer show(Exchange x) {
    StaffMember member = x.requireSession().member();
    QueueFilter filter = filter(x);
    Map<String, String> errors = new LinkedHashMap<>();
    Queue.Page page;
    Catalogue catalogue;
    try {
      page = services.queue().page(member, filter);
      catalogue = page.catalogue();
    } catch (InvalidInput e) {
      errors.putAll(Views.words(e, x.t()));
      catalogue = services.queue().jurisdiction(member, errors.containsKey("jurisdiction") ? "" : filter.jurisdiction());
      page = new Queue.Page(catalogue, List.of(), false);
    }
    ZoneId zone = catalogue.jurisdiction().zone();
    String j = catalogue.jurisdiction().id();
    long now = System.currentTimeMillis();
    List<Row> rows = new ArrayList<>();
    for (RequestRecord r : page.requests()) {
      rows.add(new Row(r.id(), StaffPages.ROOT + "/requests/" + Views.enc(j) + "/" + r.id(), r.serviceName(),
          r.status(), r.extendedStatus() == null ? "" : r.extendedStatus(),
          r.agencyResponsible() == null ? "" : r.agencyResponsible(), Views.time(r.requestedAt(), zone),
          Views.time(r.updatedAt(), zone), Views.time(r.expectedAt(), zone),
          "open".equals(r.status()) && r.expectedAt() != null && r.expectedAt() < now, r.hidden(),
          Views.shortText(r.address(), 60), Views.shortText(r.description(), 90)));
    }
    List<Views.Option> jurisdictions = services.queue().readable(member).stream()
        .map(c -> new Views.Option(c.jurisdiction().id(), c.jurisdiction().name())).toList();
    List<Views.Option> serviceOptions = new ArrayList<>();
    for (ServiceRecord s : catalogue.services().isEmpty() ? List.<ServiceRecord>of() : allServices(catalogue)) {
      serviceOptions.add(new Views.Option(s.code(), s.retired() ? x.t().get("queue.retired", s.name()) : s.name()));
    }
    QueueFilter shown = new QueueFilter(j, filter.status(), filter.detailed(), filter.service(), filter.agency(),
        filter.from(), filter.to(), filter.q(), filter.overdue(), filter.sort(), filter.page());
    String previous = filter.page() > 1 ? url(shown, filter.page() - 1) : null;
    String next = page.hasNext() ? url(shown, filter.page() + 1) : null;
    Frame frame = Frame.of(x, x.t().get("queue.title"), "queue", notice(x), services.map());
    List<Views.Option> sorts = SORTS.stream().map(s -> new Views.Option(s, x.t().get("sort." + s))).toList();
    return Answer.html(errors.isEmpty() ? 200 : 400, templates.render("queue", new QueueView(frame, shown, rows,
        jurisdictions, serviceOptions, Views.detailedStatuses(x.t()), sorts, errors, previous, next,
        points(page.requests(), j))));
  }

  /** The same page of the queue as map points, for scripts that want it on its own. */
  Answer points(Exchange x) {
    Queue.Page page = services.queue().page(x.requireSession().member(), filter(x));
    return Answer.json(points(page.requests(), page.catalogue().jurisdiction().id()));
  }

  private static List<ServiceRecord> allServices(Catalogue c) {
    List<ServiceRecord> out = new ArrayList<>();
    for (var s : c.services()) {
      c.find(s.code()).ifPresent(out::add);
    }
    return out;
  }

  static QueueFilter filter(Exchange x) {
    int page = 1;
    if (!x.query("page").isEmpty()) {
      try {
        page = Integer.parseInt(x.query("page"));
      } catch (NumberFormatException e) {
        page = 0;
      }
    }
    return new QueueFilter(x.query("jurisdiction"), x.query("status"), x.query("detailed"), x.query("service"),
        x.query("agency"), x.query("from"), x.query("to"), x.query("q"), !x.query("overdue").isEmpty(),
        x.query("sort").isEmpty() ? "newest" : x.query("sort"), page);
  }

  static String url(QueueFilter f, int page) {
    StringBuilder u = new StringBuilder(StaffPages.ROOT + "/?jurisdiction=" + Views.enc(f.jurisdiction()));
    add(u, "status", f.status());
    add(u, "detailed", f.detailed());
    add(u, "service", f.service());
    add(u, "agency", f.agency());
    add(u, "from", f.from());
    add(u, "to", f.to());
    add(u, "q", f.q());
    if (f.overdue()) {
      u.append("&overdue=1");
    }
    add(u, "sort", f.sort().equals("newest") ? "" : f.sort());
    if (page > 1) {
      u.append("&page=").append(page);
    }
    return u.toString();
  }

  private static void add(StringBuilder u, String name, String value) {
    if (value != null && !value.isBlank()) {
      u.append('&').append(name).append('=').append(Views.enc(value));
    }
  }

  private static String points(List<RequestRecord> requests, String j) {
    ArrayNode all = JSON.createArrayNode();
    for (RequestRecord r : requests) {
      if (r.lat() == null || r.lon() == null) {
        continue;
      }
      ObjectNode p = all.addObject();
      p.put("id", r.id());
      p.put("lat", r.lat());
      p.put("lon", r.lon());
      p.put("label", "#" + r.id() + " " + r.serviceName() + " (" + r.status() + ")");
      p.put("url", StaffPages.ROOT + "/requests/" + Views.enc(j) + "/" + r.id());
    }
    return all.toString();
  }

  private static final java.util.Set<String> NOTICES = java.util.Set.of("updated", "noted", "assigned", "expected",
      "recategorised", "duplicate", "hidden", "shown", "forward-retry", "forward-cancel", "saved", "revoked", "limit", "retired",
      "restored", "deleted", "created");

  /** What the action just done did, from {@code ?done=}, in the reader's language. */
  static String notice(Exchange x) {
    String done = x.query("done");
    return NOTICES.contains(done) ? x.t().get("done." + done) : null;
  }
}
