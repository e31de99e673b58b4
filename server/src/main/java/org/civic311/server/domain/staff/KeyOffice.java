package org.civic311.server.domain.staff;

import java.util.List;
import java.util.Map;
import org.civic311.server.domain.ApiKeys;
import org.civic311.server.domain.Jurisdictions;
import org.civic311.server.storage.ApiKeyRecord;
import org.civic311.server.storage.Transactions;

/**
 * API keys as administrators manage them: issue, label, revoke, see use. Each change commits with
 * its audit entry; a key itself is never logged.
 */
public final class KeyOffice {
  private final ApiKeys keys;
  private final Jurisdictions jurisdictions;
  private final Transactions transactions;
  private final AuditLog audit;

  public KeyOffice(ApiKeys keys, Jurisdictions jurisdictions, Transactions transactions, AuditLog audit) {
    this.keys = keys;
    this.jurisdictions = jurisdictions;
    this.transactions = transactions;
    this.audit = audit;
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
      throw InvalidInput.of("jurisdiction", "Choose a jurisdiction.");
    }
    String l = label == null ? "" : label.strip();
    if (l.isEmpty() || l.length() > 100) {
      throw InvalidInput.of("label", "Name the application the key is for (at most 100 characters).");
    }
    return transactions.call(tx -> {
      ApiKeys.IssuedKey issued = keys.issue(tx, j, l, "staff");
      audit.record(tx, actor, "issue_key", "api_key", Long.toString(issued.record().id()), j, null,
          Map.of("label", l, "prefix", issued.record().keyPrefix()));
      return issued;
    });
  }

  public void revoke(AuditLog.Actor actor, long id) {
    requireAdministrator(actor.member());
    ApiKeyRecord k = keys.list().stream().filter(r -> r.id() == id).findFirst()
        .orElseThrow(() -> new NotFound("There is no key " + id + "."));
    if (k.revoked()) {
      throw InvalidInput.of("key", "Key " + k.keyPrefix() + "… is already revoked.");
    }
    transactions.run(tx -> {
      if (!keys.revoke(tx, id)) {
        throw InvalidInput.of("key", "Key " + k.keyPrefix() + "… is already revoked.");
      }
      audit.record(tx, actor, "revoke_key", "api_key", Long.toString(id), k.jurisdictionId(),
          Map.of("label", k.label(), "revoked", false), Map.of("label", k.label(), "revoked", true));
    });
  }

  static void requireAdministrator(StaffMember member) {
    if (!member.isAdministrator()) {
      throw new NotPermitted("Only administrators may do this.");
    }
  }
}
