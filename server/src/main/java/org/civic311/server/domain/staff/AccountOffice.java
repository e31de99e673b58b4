package org.civic311.server.domain.staff;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civic311.server.storage.StaffGrant;
import org.civic311.server.storage.StaffStore;
import org.civic311.server.storage.StaffUserRecord;
import org.civic311.server.storage.Transactions;

/**
 * Staff accounts as administrators manage them on the Accounts page: create, switch off and on.
 * Each change commits with its audit entry.
 */
public final class AccountOffice {
  private final StaffStore store;
  private final Transactions transactions;
  private final AuditLog audit;
  private final Clock clock;

  public AccountOffice(StaffStore store, Transactions transactions, AuditLog audit, Clock clock) {
    this.store = store;
    this.transactions = transactions;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Creates an account.
   *
   * @throws InvalidInput naming each field at fault
   */
  public StaffUserRecord create(AuditLog.Actor actor, String username, String displayName, String password,
      String role, List<StaffGrant> grants) {
    KeyOffice.requireAdministrator(actor.member());
    // Checked and hashed before the transaction: hashing is slow, and would hold up other writers.
    Accounts.NewAccount a = Accounts.check(username, displayName, password, role, grants);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("username", a.username());
    after.put("role", a.role());
    after.put("grants", grants(a.grants()));
    return transactions.call(tx -> {
      StaffUserRecord u = a.insertInto(tx.staff(), clock.millis());
      audit.record(tx, actor, "create_user", "account", u.username(), null, null, after);
      return u;
    });
  }

  /** Switches an account on or off; switching off ends its sessions. */
  public StaffUserRecord setActive(AuditLog.Actor actor, long id, boolean active) {
    KeyOffice.requireAdministrator(actor.member());
    StaffUserRecord u = store.findUser(id).orElseThrow(() -> InvalidInput.of("user", "fault.no_account"));
    transactions.run(tx -> {
      tx.staff().updateUser(id, u.displayName(), u.role(), active, u.grants());
      if (!active) {
        tx.staff().deleteSessionsOf(id);
      }
      audit.record(tx, actor, active ? "activate_user" : "deactivate_user", "account", u.username(), null,
          Map.of("active", u.active()), Map.of("active", active));
    });
    return store.findUser(id).orElseThrow();
  }

  /** Grants as the Accounts page writes them: {@code jurisdiction[:agency]}, comma-separated. */
  public static String grants(List<StaffGrant> grants) {
    return String.join(", ", grants.stream()
        .map(g -> g.jurisdictionId() + (g.agency() == null ? "" : ":" + g.agency())).toList());
  }
}
