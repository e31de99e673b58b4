package org.civic311.server.web.staff;

import org.civic311.server.web.Answer;
import org.civic311.server.web.Exchange;
import org.civic311.server.web.Templates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civic311.server.domain.ApiKeys;
import org.civic311.server.domain.staff.InvalidInput;
import org.civic311.server.domain.staff.StaffMember;
import org.civic311.server.storage.ApiKeyRecord;
import org.civic311.server.storage.RateLimit;

/** API keys: issue (shown once), see use, set a key's own write limit, revoke. Administrators only. */
public final class KeysPage {
  private final StaffServices services;
  private final Templates templates;

  KeysPage(StaffServices services, Templates templates) {
    this.services = services;
    this.templates = templates;
  }

  /**
   * One key as listed; {@code perMinute} and {@code burst} are its own write limit, blank when it
   * has the default, and {@code writeLimit} says which limit holds.
   */
  public record KeyRow(long id, String jurisdiction, String prefix, String label, String source, String created,
      String lastUsed, long requests, String revoked, String perMinute, String burst, String writeLimit) {}

  /** The model of the keys page; {@code issuedKey} is set only right after issuing. */
  public record KeysView(Frame frame, List<KeyRow> keys, List<Views.Option> jurisdictions, String issuedKey,
      String issuedLabel, Map<String, String> errors, String label, String jurisdiction) {}

  Answer show(Exchange x) {
    return page(x, 200, null, null, Map.of(), "", "");
  }

  Answer issue(Exchange x) {
    try {
      ApiKeys.IssuedKey issued = services.keys().issue(x.actor(), x.field("jurisdiction"), x.field("label"));
      // Shown on this one answer and never again: it is not stored, only its hash is.
      return page(x, 201, issued.key(), issued.record().label(), Map.of(), "", "");
    } catch (InvalidInput e) {
      return page(x, 400, null, null, Views.words(e, x.t()), x.field("label"), x.field("jurisdiction"));
    }
  }

  Answer setWriteLimit(Exchange x, long id) {
    try {
      services.keys().setWriteLimit(x.actor(), id, x.field("per_minute"), x.field("burst"));
    } catch (InvalidInput e) {
      return page(x, 400, null, null, Views.words(e, x.t()), "", "");
    }
    return Answer.seeOther(StaffPages.ROOT + "/keys?done=limit");
  }

  /** Asks before revoking: what it does, and a form that does it. */
  Answer confirmRevoke(Exchange x, long id) {
    ApiKeyRecord k = services.keys().list(x.requireSession().member()).stream().filter(r -> r.id() == id)
        .findFirst().orElseThrow(() -> new org.civic311.server.domain.staff.NotFound("refusal.no_key", id));
    return StaffPages.confirm(templates, x, x.t().get("confirm.revoke_title", k.keyPrefix()),
        StaffPages.ROOT + "/keys/" + id + "/revoke", Map.of(), x.t().get("confirm.revoke", k.label(), k.keyPrefix()),
        x.t().get("keys.revoke"), StaffPages.ROOT + "/keys", "keys");
  }

  Answer revoke(Exchange x, long id) {
    try {
      services.keys().revoke(x.actor(), id);
    } catch (InvalidInput e) {
      return page(x, 400, null, null, Views.words(e, x.t()), "", "");
    }
    return Answer.seeOther(StaffPages.ROOT + "/keys?done=revoked");
  }

  private static String limit(RateLimit l, org.civic311.server.web.citizen.Messages t) {
    return t.get("keys.limit", l.perMinute(), l.burst());
  }

  private Answer page(Exchange x, int status, String key, String label, Map<String, String> errors,
      String enteredLabel, String enteredJurisdiction) {
    StaffMember member = x.requireSession().member();
    List<ApiKeyRecord> records = services.keys().list(member);
    List<KeyRow> rows = new ArrayList<>();
    RateLimit standard = services.keys().defaultWriteLimit();
    for (ApiKeyRecord k : records) {
      RateLimit own = k.writeLimit();
      java.time.ZoneId zone = services.queue().zoneOf(k.jurisdictionId());
      rows.add(new KeyRow(k.id(), k.jurisdictionId(), k.keyPrefix(), k.label(), k.source(),
          Views.time(k.createdAt(), zone), Views.time(k.lastUsedAt(), zone), k.requestCount(),
          Views.time(k.revokedAt(), zone), own == null ? "" : Integer.toString(own.perMinute()),
          own == null ? "" : Integer.toString(own.burst()), own == null ? x.t().get("keys.default_limit", limit(standard, x.t())) : limit(own, x.t())));
    }
    List<Views.Option> jurisdictions = services.queue().readable(member).stream()
        .map(c -> new Views.Option(c.jurisdiction().id(), c.jurisdiction().name())).toList();
    Frame frame = Frame.of(x, x.t().get("keys.title"), "keys", QueuePage.notice(x), null);
    return Answer.html(status, templates.render("keys", new KeysView(frame, rows, jurisdictions, key, label, errors,
        enteredLabel, enteredJurisdiction)));
  }
}
