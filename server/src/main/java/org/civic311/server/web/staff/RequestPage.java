package org.civic311.server.web.staff;

import org.civic311.server.web.Answer;
import org.civic311.server.web.Exchange;
import org.civic311.server.web.Failure;
import org.civic311.server.web.Templates;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civic311.georeport.ServiceAttribute;
import org.civic311.server.domain.Catalogue;
import org.civic311.server.domain.staff.AuditLog;
import org.civic311.server.domain.staff.Casework;
import org.civic311.server.domain.staff.InvalidInput;
import org.civic311.server.domain.staff.NotFound;
import org.civic311.server.domain.staff.StaffMember;
import org.civic311.server.storage.InternalNoteRecord;
import org.civic311.server.storage.MediaRecord;
import org.civic311.server.storage.OutboxStore;
import org.civic311.server.storage.RequestRecord;
import org.civic311.server.storage.ResponseTemplateRecord;
import org.civic311.server.storage.ServiceRecord;
import org.civic311.server.storage.UpdateRecord;

/** One request with everything staff know of it, and the forms that act on it. */
public final class RequestPage {
  private final StaffServices services;
  private final Templates templates;

  RequestPage(StaffServices services, Templates templates) {
    this.services = services;
    this.templates = templates;
  }

  /** A labelled value. */
  public record Field(String label, String value) {}

  /** One entry of the public history. */
  public record HistoryEntry(String when, String status, String note, List<String> photos) {}

  /** One internal note. */
  public record Note(String when, String author, String body) {}

  /** One photo: the full image and its thumbnail. */
  public record Photo(String url, String thumbnail) {}

  /** The model of the request page. */
  public record RequestView(Frame frame, long id, String jurisdiction, String actionBase, String title,
      String status, String detailed, boolean hidden, String hiddenReason, boolean canWork, List<Field> fields,
      List<Field> reporter, List<Field> answers, List<Photo> photos, List<HistoryEntry> history, List<Note> notes,
      List<Views.Option> statuses, List<Views.Option> services, List<ResponseTemplateRecord> templates,
      String agency, String expected, String serviceCode, String duplicateOf, List<String> duplicates,
      Double lat, Double lon, Map<String, String> errors, Map<String, String> entered, boolean canRetryForward,
      String zone, boolean canCancelForward) {}

  Answer show(Exchange x, String jurisdictionSegment, long id) {
    return render(x, jurisdictionSegment, id, 200, Map.of(), Map.of());
  }

  Answer act(Exchange x, String jurisdictionSegment, long id, String action) {
    String j = jurisdictionSegment;
    AuditLog.Actor actor = x.actor();
    Casework work = services.casework();
    String done;
    try {
      switch (action) {
        case "update" -> {
          work.publicUpdate(actor, j, id, x.field("status"), x.field("note"));
          done = "updated";
        }
        case "note" -> {
          work.internalNote(actor, j, id, x.field("body"));
          done = "noted";
        }
        case "assign" -> {
          work.assign(actor, j, id, x.field("agency"));
          done = "assigned";
        }
        case "expected" -> {
          work.expect(actor, j, id, x.field("expected"));
          done = "expected";
        }
        case "service" -> {
          work.recategorise(actor, j, id, x.field("service_code"));
          done = "recategorised";
        }
        case "duplicate" -> {
          work.markDuplicate(actor, j, id, x.field("original"), x.field("note"));
          done = "duplicate";
        }
        case "hide" -> {
          work.hide(actor, j, id, x.field("reason"));
          done = "hidden";
        }
        case "unhide" -> {
          work.unhide(actor, j, id);
          done = "shown";
        }
        case "forward-retry" -> {
          mayForward(x, j, id);
          if (!services.outbox().retry(id)) {
            throw Failure.keyed(409, "error.no_retry");
          }
          done = "forward-retry";
        }
        case "forward-cancel" -> {
          mayForward(x, j, id);
          if (!services.outbox().cancel(id)) {
            throw Failure.keyed(409, "error.no_cancel");
          }
          done = "forward-cancel";
        }
        default -> throw Failure.keyed(404, "error.no_action");
      }
    } catch (InvalidInput e) {
      Map<String, String> entered = new LinkedHashMap<>();
      for (String name : x.form().names()) {
        entered.put(name, x.field(name));
      }
      return render(x, j, id, 400, Views.words(e, x.t()), entered);
    }
    return Answer.seeOther(StaffPages.ROOT + "/requests/" + Views.enc(j) + "/" + id + "?done=" + done);
  }

  /** Retrying or cancelling a forward is working the request: the same permission. */
  private void mayForward(Exchange x, String j, long id) {
    RequestRecord r = services.casework().read(x.requireSession().member(), j, id)
        .orElseThrow(() -> new NotFound("refusal.no_request", id));
    if (!x.requireSession().member().canWork(r)) {
      throw new org.civic311.server.domain.staff.NotPermitted("refusal.change_request", id);
    }
  }

  private Answer render(Exchange x, String j, long id, int status, Map<String, String> errors,
      Map<String, String> entered) {
    StaffMember member = x.requireSession().member();
    Casework work = services.casework();
    RequestRecord r = work.read(member, j, id).orElseThrow(() -> new NotFound("refusal.no_request", id));
    org.civic311.server.web.citizen.Messages t = x.t();
    Catalogue catalogue = services.queue().jurisdiction(member, j);
    ZoneId zone = catalogue.jurisdiction().zone();
    List<Field> fields = new ArrayList<>();
    fields.add(new Field(t.get("field.service"), r.serviceName() + " (" + r.serviceCode() + ")"));
    fields.add(new Field(t.get("field.description"), r.description()));
    fields.add(new Field(t.get("field.address"), r.address()));
    fields.add(new Field(t.get("field.address_id"), r.addressId()));
    fields.add(new Field(t.get("field.zipcode"), r.zipcode()));
    fields.add(new Field(t.get("field.location"), r.lat() == null ? null : r.lat() + ", " + r.lon()));
    fields.add(new Field(t.get("service.agency"), r.agencyResponsible()));
    fields.add(new Field(t.get("queue.requested"), Views.time(r.requestedAt(), zone)));
    fields.add(new Field(t.get("queue.updated"), Views.time(r.updatedAt(), zone)));
    fields.add(new Field(t.get("queue.expected"), Views.time(r.expectedAt(), zone)));
    fields.add(new Field(t.get("field.status_notes"), r.statusNotes()));
    fields.add(new Field(t.get("field.channel"), r.channel()));
    fields.add(new Field(t.get("field.token"), r.token()));
    Optional<OutboxStore.Entry> forward = services.outbox().of(id);
    forward.ifPresent(e -> {
      fields.add(new Field(t.get("request.forwarding"), forwarding(e, zone, t)));
      fields.add(new Field(t.get("field.upstream_id"), e.upstreamId() != null ? e.upstreamId() : e.upstreamToken()));
      fields.add(new Field(t.get("field.outbox"), services.outbox().depth().toString()));
      services.outbox().upstreamOf(e.upstream()).ifPresent(u ->
          fields.add(new Field(t.get("field.upstream"), upstream(u, zone, InteropPage.health(x, u)))));
    });
    fields.removeIf(f -> f.value() == null || f.value().isBlank());
    List<Field> reporter = new ArrayList<>();
    String name = String.join(" ", nonNull(r.reporter().firstName()), nonNull(r.reporter().lastName())).strip();
    reporter.add(new Field(t.get("field.name"), name));
    reporter.add(new Field(t.get("field.email"), r.reporter().email()));
    reporter.add(new Field(t.get("field.phone"), r.reporter().phone()));
    reporter.add(new Field(t.get("field.device_id"), r.reporter().deviceId()));
    reporter.add(new Field(t.get("field.account_id"), r.reporter().accountId()));
    reporter.removeIf(f -> f.value() == null || f.value().isBlank());
    Optional<ServiceRecord> service = work.serviceOf(member, r);
    List<Field> answers = new ArrayList<>();
    for (Map.Entry<String, List<String>> a : r.attributes().entrySet()) {
      Optional<ServiceAttribute> asked = service.flatMap(s -> s.attributes().stream()
          .filter(q -> q.code().equals(a.getKey())).findFirst());
      String question = asked.map(ServiceAttribute::description).orElse(a.getKey());
      answers.add(new Field(question, String.join(", ", a.getValue().stream()
          .map(v -> answerName(asked, v)).toList())));
    }
    List<Photo> photos = new ArrayList<>();
    for (MediaRecord m : work.photos(id)) {
      photos.add(photo(m));
    }
    if (photos.isEmpty() && r.mediaUrl() != null) {
      photos.add(new Photo(r.mediaUrl(), r.mediaUrl()));
    }
    List<HistoryEntry> history = new ArrayList<>();
    for (UpdateRecord u : work.history(id)) {
      history.add(new HistoryEntry(Views.time(u.updatedAt(), zone), u.status(), u.description(),
          u.media().stream().map(MediaRecord::url).toList()));
    }
    List<Note> notes = new ArrayList<>();
    for (InternalNoteRecord n : work.internalNotes(id)) {
      notes.add(new Note(Views.time(n.createdAt(), zone), n.author(), n.body()));
    }
    List<Views.Option> serviceOptions = new ArrayList<>();
    for (var s : catalogue.services()) {
      serviceOptions.add(new Views.Option(s.code(), s.name()));
    }
    List<String> duplicates = work.duplicatesOf(id).stream().map(String::valueOf).toList();
    Frame frame = Frame.of(x, t.get("request.title", id), "queue", QueuePage.notice(x),
        r.lat() == null ? null : services.map());
    String base = StaffPages.ROOT + "/requests/" + Views.enc(j) + "/" + id;
    return Answer.html(status, templates.render("request", new RequestView(frame, id, j, base,
        "#" + id + " " + r.serviceName(), r.status(), r.extendedStatus() == null ? "" : r.extendedStatus(),
        r.hidden(), r.hiddenReason(), member.canWork(r), fields, reporter, answers, photos, history, notes,
        Views.detailedStatuses(t), serviceOptions, work.templates(j, r.serviceCode()),
        nonNull(r.agencyResponsible()), Views.inputTime(r.expectedAt(), zone), r.serviceCode(),
        r.duplicateOf() == null ? "" : r.duplicateOf().toString(), duplicates, r.lat(), r.lon(), errors,
        entered, forward.map(e -> e.state().equals("failed") || e.state().equals("cancelled")).orElse(false),
        Views.zoneName(zone),
        forward.map(e -> e.state().equals("failed") || e.state().equals("waiting")).orElse(false))));
  }

  /** A list answer's name ("Street") rather than its key ("STREE001"); other answers as given. */
  private static String answerName(Optional<ServiceAttribute> asked, String value) {
    return asked.flatMap(q -> q.values().stream().filter(v -> v.key().equals(value)).findFirst())
        .map(org.civic311.georeport.AttributeValue::name).orElse(value);
  }

  /** One line: the upstream, whether it answered when last asked, and why not. */
  static String upstream(org.civic311.server.domain.interop.UpstreamState u, ZoneId zone, String health) {
    StringBuilder b = new StringBuilder(u.url()).append(": ").append(health);
    if (u.checkedAt() > 0) {
      b.append(" (").append(Views.time(u.checkedAt(), zone)).append(')');
    }
    if (u.health() != org.civic311.server.domain.interop.UpstreamState.Health.ANSWERING) {
      b.append("; ").append(u.note());
    }
    return b.toString();
  }

  /** One line: the state, attempts, the next try or the upstream's words. */
  private static String forwarding(OutboxStore.Entry e, ZoneId zone, org.civic311.server.web.citizen.Messages t) {
    StringBuilder b = new StringBuilder(t.get(e.attempts() == 1 ? "forward.state_one" : "forward.state",
        t.get("forward." + e.state()), e.upstream(), e.attempts()));
    if (e.state().equals("waiting") && e.attempts() > 0) {
      b.append(t.get("forward.next_try", Views.time(e.nextTryAt(), zone)));
    }
    if (e.sentAt() != null) {
      b.append(t.get("forward.sent_at", Views.time(e.sentAt(), zone)));
    }
    if (e.lastError() != null && !e.state().equals("sent")) {
      b.append(t.get("forward.upstream_said", e.lastError()));
    }
    return b.toString();
  }

  private static Photo photo(MediaRecord m) {
    if (m.mediaKey() == null) {
      return new Photo(m.url(), m.url());
    }
    String thumb = m.thumbKey() == null ? m.url() : "/media/" + m.thumbKey() + ".jpg";
    return new Photo(m.url(), thumb);
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
