package org.civic311.server.domain.staff;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civic311.georeport.ExtendedStatus;
import org.civic311.server.domain.Catalogue;
import org.civic311.server.domain.FreeText;
import org.civic311.server.domain.Jurisdictions;
import org.civic311.server.storage.CaseworkStore;
import org.civic311.server.storage.CatalogueStore;
import org.civic311.server.storage.InternalNoteRecord;
import org.civic311.server.storage.NewUpdate;
import org.civic311.server.storage.RequestChange;
import org.civic311.server.storage.RequestRecord;
import org.civic311.server.storage.RequestStore;
import org.civic311.server.storage.ServiceRecord;
import org.civic311.server.storage.Transactions;
import org.civic311.server.storage.UpdateStore;

/**
 * The actions staff take on one request. Each checks that the member may work the request,
 * validates, then applies the change and writes its audit entry in one transaction. Public
 * updates go into the same history as updates posted through the API, so they show in {@code GET
 * servicerequestupdates} and in {@code extensions=true}.
 */
public final class Casework {
  static final int MAX_NOTE = 4000;
  private final Jurisdictions jurisdictions;
  private final RequestStore requests;
  private final UpdateStore updates;
  private final CaseworkStore store;
  private final CatalogueStore catalogue;
  private final Transactions transactions;
  private final AuditLog audit;
  private final Clock clock;

  public Casework(Jurisdictions jurisdictions, RequestStore requests, UpdateStore updates, CaseworkStore store,
      CatalogueStore catalogue, Transactions transactions, AuditLog audit, Clock clock) {
    this.jurisdictions = jurisdictions;
    this.requests = requests;
    this.updates = updates;
    this.store = store;
    this.catalogue = catalogue;
    this.transactions = transactions;
    this.audit = audit;
    this.clock = clock;
  }

  /** A request the member may read, or a refusal as {@link NotPermitted} / empty. */
  public Optional<RequestRecord> read(StaffMember member, String jurisdictionId, long id) {
    Optional<RequestRecord> r = requests.find(jurisdictionId, id);
    if (r.isPresent() && !member.canRead(r.get())) {
      throw new NotPermitted("refusal.see_request", id);
    }
    return r;
  }

  /**
   * The service a request is filed under, retired or not, for the text of its questions; anyone
   * who may read the request may read it.
   */
  public Optional<ServiceRecord> serviceOf(StaffMember member, RequestRecord r) {
    if (!member.canRead(r)) {
      throw new NotPermitted("refusal.see_request", r.id());
    }
    return catalogue.services(r.jurisdictionId()).stream().filter(s -> s.code().equals(r.serviceCode())).findFirst();
  }

  public List<InternalNoteRecord> internalNotes(long requestId) {
    return store.notes(requestId);
  }

  /** The public history of a request, oldest first. */
  public List<org.civic311.server.storage.UpdateRecord> history(long requestId) {
    return updates.historyOf(List.of(requestId)).getOrDefault(requestId, List.of());
  }

  /** The photos of a request (not of its updates), in order. */
  public List<org.civic311.server.storage.MediaRecord> photos(long requestId) {
    return updates.mediaOf(List.of(requestId)).getOrDefault(requestId, List.of());
  }

  public List<org.civic311.server.storage.ResponseTemplateRecord> templates(String jurisdictionId, String code) {
    return store.templates(jurisdictionId, code);
  }

  public List<Long> duplicatesOf(long requestId) {
    return store.duplicatesOf(requestId);
  }

  /**
   * A public update: a new status (any extended status, or {@code unchanged}) and/or a note the
   * reporter and the API will see.
   */
  public void publicUpdate(AuditLog.Actor actor, String jurisdictionId, long id, String status, String note) {
    RequestRecord r = workable(actor, jurisdictionId, id);
    ExtendedStatus s = ExtendedStatus.parse(status == null || status.isBlank() ? "unchanged" : status)
        .orElseThrow(() -> InvalidInput.of("status", "fault.status"));
    String text = trimmed(note);
    if (s == ExtendedStatus.UNCHANGED && text == null) {
      throw InvalidInput.of("note", "fault.note_or_status");
    }
    if (text != null && text.length() > MAX_NOTE) {
      throw InvalidInput.of("note", "fault.note_long", MAX_NOTE);
    }
    long now = clock.millis();
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("status", s.wireName());
    after.put("note", text);
    transactions.run(tx -> {
      tx.updates().insert(new NewUpdate(jurisdictionId, id, null, s.wireName(),
          s.core().map(c -> c.name().toLowerCase(java.util.Locale.ROOT)).orElse(null), text, now, now, null, null,
          List.of()));
      audit.record(tx, actor, "public_update", "request", Long.toString(id), jurisdictionId,
          nullable("status", r.extendedStatus() != null ? r.extendedStatus() : r.status()), after);
    });
  }

  public InternalNoteRecord internalNote(AuditLog.Actor actor, String jurisdictionId, long id, String body) {
    workable(actor, jurisdictionId, id);
    String text = trimmed(body);
    if (text == null) {
      throw InvalidInput.of("body", "fault.note_empty");
    }
    if (text.length() > MAX_NOTE) {
      throw InvalidInput.of("body", "fault.note_long", MAX_NOTE);
    }
    return transactions.call(tx -> {
      InternalNoteRecord note = tx.casework().addNote(id, actor.member().id(), text, clock.millis());
      audit.record(tx, actor, "internal_note", "request", Long.toString(id), jurisdictionId, null,
          Map.of("note", text));
      return note;
    });
  }

  public void assign(AuditLog.Actor actor, String jurisdictionId, long id, String agency) {
    RequestRecord r = workable(actor, jurisdictionId, id);
    String a = trimmed(agency);
    if (a != null && a.length() > 200) {
      throw InvalidInput.of("agency", "fault.agency_long");
    }
    change(actor, r, RequestChange.none(clock.millis()).agency(a), "assign",
        nullable("agency_responsible", r.agencyResponsible()), nullable("agency_responsible", a));
  }

  /** Sets the expected time from a local date-time in the jurisdiction's zone ({@code 2026-12-01T09:00}). */
  public void expect(AuditLog.Actor actor, String jurisdictionId, long id, String localDateTime) {
    RequestRecord r = workable(actor, jurisdictionId, id);
    String t = trimmed(localDateTime);
    Long at = null;
    if (t != null) {
      ZoneId zone = jurisdictions.resolve(Optional.of(jurisdictionId)).jurisdiction().zone();
      try {
        at = LocalDateTime.parse(t).atZone(zone).toInstant().toEpochMilli();
      } catch (DateTimeParseException e) {
        throw InvalidInput.of("expected", "fault.expected");
      }
    }
    change(actor, r, RequestChange.none(clock.millis()).expected(at), "set_expected",
        nullable("expected_at", r.expectedAt()), nullable("expected_at", at));
  }

  public void recategorise(AuditLog.Actor actor, String jurisdictionId, long id, String serviceCode) {
    RequestRecord r = workable(actor, jurisdictionId, id);
    Catalogue c = jurisdictions.resolve(Optional.of(jurisdictionId));
    ServiceRecord s = c.find(serviceCode == null ? "" : serviceCode.trim()).filter(x -> !x.retired())
        .orElseThrow(() -> InvalidInput.of("service_code", "fault.service_current"));
    change(actor, r, RequestChange.none(clock.millis()).service(s.code(), s.name()), "recategorise",
        Map.of("service_code", r.serviceCode()), Map.of("service_code", s.code()));
  }

  /**
   * Marks the request a duplicate of another: links the two (the original lists its duplicates)
   * and closes this one with a public update saying so.
   */
  public void markDuplicate(AuditLog.Actor actor, String jurisdictionId, long id, String originalId, String note) {
    RequestRecord r = workable(actor, jurisdictionId, id);
    long original;
    try {
      original = Long.parseLong(originalId == null ? "" : originalId.trim());
    } catch (NumberFormatException e) {
      throw InvalidInput.of("original", "fault.original");
    }
    if (original == id) {
      throw InvalidInput.of("original", "fault.original_self");
    }
    RequestRecord o = requests.find(jurisdictionId, original)
        .orElseThrow(() -> InvalidInput.of("original", "fault.original_missing", original));
    if (o.duplicateOf() != null && o.duplicateOf() == id) {
      throw InvalidInput.of("original", "fault.original_loop", original);
    }
    String text = trimmed(note);
    String said = "Duplicate of request " + original + "." + (text == null ? "" : " " + text);
    if (said.length() > MAX_NOTE) {
      throw InvalidInput.of("note", "fault.note_long", MAX_NOTE);
    }
    long now = clock.millis();
    transactions.run(tx -> {
      tx.casework().change(jurisdictionId, id, RequestChange.none(now).duplicateOf(original));
      tx.updates().insert(new NewUpdate(jurisdictionId, id, null, ExtendedStatus.DUPLICATE.wireName(), "closed", said,
          now, now, null, null, List.of()));
      audit.record(tx, actor, "mark_duplicate", "request", Long.toString(id), jurisdictionId,
          nullable("duplicate_of", r.duplicateOf()), Map.of("duplicate_of", original, "status", "duplicate"));
    });
  }

  /** Hides the request from every public answer (moderation); a reason is required. */
  public void hide(AuditLog.Actor actor, String jurisdictionId, long id, String reason) {
    RequestRecord r = workable(actor, jurisdictionId, id);
    String why = trimmed(reason);
    if (why == null) {
      throw InvalidInput.of("reason", "fault.reason");
    }
    if (why.length() > 500) {
      throw InvalidInput.of("reason", "fault.reason_long");
    }
    change(actor, r, RequestChange.none(clock.millis()).hidden(why), "hide",
        nullable("hidden_reason", r.hiddenReason()), Map.of("hidden_reason", why));
  }

  public void unhide(AuditLog.Actor actor, String jurisdictionId, long id) {
    RequestRecord r = workable(actor, jurisdictionId, id);
    change(actor, r, RequestChange.none(clock.millis()).hidden(null), "unhide",
        nullable("hidden_reason", r.hiddenReason()), nullable("hidden_reason", null));
  }

  /** Changes fields of a request and records the action, in one transaction. */
  private void change(AuditLog.Actor actor, RequestRecord r, RequestChange change, String action,
      Map<String, ?> before, Map<String, ?> after) {
    transactions.run(tx -> {
      tx.casework().change(r.jurisdictionId(), r.id(), change);
      audit.record(tx, actor, action, "request", Long.toString(r.id()), r.jurisdictionId(), before, after);
    });
  }

  private RequestRecord workable(AuditLog.Actor actor, String jurisdictionId, long id) {
    RequestRecord r = requests.find(jurisdictionId, id)
        .orElseThrow(() -> new NotFound("refusal.no_request", id));
    if (!actor.member().canWork(r)) {
      throw new NotPermitted("refusal.change_request", id);
    }
    return r;
  }

  /** Staff's text without stray control characters and outer spaces; null when nothing is left. */
  private static String trimmed(String s) {
    String text = FreeText.clean(s);
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static Map<String, Object> nullable(String key, Object value) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(key, value);
    return m;
  }
}
