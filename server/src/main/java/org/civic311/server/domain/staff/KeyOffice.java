package org.civic311.server.domain.staff;

import java.util.List;
import java.util.Map;
import org.civic311.server.domain.ApiKeys;
import org.civic311.server.domain.Jurisdictions;
import org.civic311.server.storage.ApiKeyRecord;
import org.civic311.server.storage.RateLimit;
import org.civic311.server.storage.Transactions;

/**
 * API keys as administrators manage them: issue, label, revoke, see use, set a key's own write
 * limit. Each change commits with its audit entry; a key itself is never logged.
 */
public final class KeyOffice {
  private final ApiKeys keys;
  private final Jurisdictions jurisdictions;
  private final Transactions transactions;
  private final AuditLog audit;
  private final RateLimit defaultWriteLimit;

  public KeyOffice(ApiKeys keys, Jurisdictions jurisdictions, Transactions transactions, AuditLog audit,
      RateLimit defaultWriteLimit) {
    this.keys = keys;
    this.jurisdictions = jurisdictions;
    this.transactions = transactions;
    this.audit = audit;
    this.defaultWriteLimit = defaultWriteLimit;
  }

  /** The write limit of a key with none of its own ({@code limits.api_key} in the configuration). */
  public RateLimit defaultWriteLimit() {
    return defaultWriteLimit;
  }

  public List<ApiKeyRecord> list(StaffMember member) {
    requireAdministrator(member);
    return keys.list();
  }

  /** Issues a key; the caller shows it once, it is never stored or shown again. */
  public ApiKeys.IssuedKey issue(AuditLog.Actor actor, String jurisdictionId, String label) {
    requireAdministrator(actor.member());
    String j = jurisdictionId == null ? "" : jurisdictionId.trim();
    if (jurisdictions.all().stream().noneMatch(c -> c.jurisdiction().id().equals(j))) {
      throw InvalidInput.of("jurisdiction", "fault.jurisdiction");
    }
    String l = label == null ? "" : label.strip();
    if (l.isEmpty() || l.length() > 100) {
      throw InvalidInput.of("label", "fault.key_label");
    }
    return transactions.call(tx -> {
      ApiKeys.IssuedKey issued = keys.issue(tx, j, l, "staff");
      audit.record(tx, actor, "issue_key", "api_key", Long.toString(issued.record().id()), j, null,
          Map.of("label", l, "prefix", issued.record().keyPrefix()));
      return issued;
    });
  }

  /**
   * Gives a key its own write limit, as typed on the keys page: writes a minute and burst, or
   * both blank for the configured default again. A city's own website, posting for many people
   * from one server, may need more than a phone app.
   *
   * @throws InvalidInput naming the field that is not a whole number in range
   */
  public void setWriteLimit(AuditLog.Actor actor, long id, String perMinute, String burst) {
    requireAdministrator(actor.member());
    ApiKeyRecord k = keys.list().stream().filter(r -> r.id() == id).findFirst()
        .orElseThrow(() -> new NotFound("refusal.no_key", id));
    RateLimit limit = limitOf(perMinute, burst);
    if (java.util.Objects.equals(limit, k.writeLimit())) {
      return;
    }
    transactions.run(tx -> {
      if (!keys.setWriteLimit(tx, id, limit)) {
        throw new NotFound("refusal.no_key", id);
      }
      audit.record(tx, actor, "set_key_limit", "api_key", Long.toString(id), k.jurisdictionId(),
          Map.of("label", k.label(), "write_limit", shown(k.writeLimit())),
          Map.of("label", k.label(), "write_limit", shown(limit)));
    });
  }

  static RateLimit limitOf(String perMinute, String burst) {
    String m = perMinute == null ? "" : perMinute.strip();
    String b = burst == null ? "" : burst.strip();
    if (m.isEmpty() && b.isEmpty()) {
      return null;
    }
    int minute = whole(m);
    int most = whole(b);
    if (minute < 1 || most < 1) {
      throw InvalidInput.of("limit", "fault.limit", RateLimit.MAX);
    }
    return new RateLimit(minute, most);
  }

  /** The number, or 0 when the text is not a whole number in range. */
  private static int whole(String text) {
    if (!text.matches("\\d{1,7}")) {
      return 0;
    }
    int n = Integer.parseInt(text);
    return n <= RateLimit.MAX ? n : 0;
  }

  private static String shown(RateLimit limit) {
    return limit == null ? "default" : limit.toString();
  }

  public void revoke(AuditLog.Actor actor, long id) {
    requireAdministrator(actor.member());
    ApiKeyRecord k = keys.list().stream().filter(r -> r.id() == id).findFirst()
        .orElseThrow(() -> new NotFound("refusal.no_key", id));
    if (k.revoked()) {
      throw InvalidInput.of("key", "fault.key_revoked", k.keyPrefix());
    }
    transactions.run(tx -> {
      if (!keys.revoke(tx, id)) {
        throw InvalidInput.of("key", "fault.key_revoked", k.keyPrefix());
      }
      audit.record(tx, actor, "revoke_key", "api_key", Long.toString(id), k.jurisdictionId(),
          Map.of("label", k.label(), "revoked", false), Map.of("label", k.label(), "revoked", true));
    });
  }

  static void requireAdministrator(StaffMember member) {
    if (!member.isAdministrator()) {
      throw new NotPermitted("refusal.administrators");
    }
  }
}
