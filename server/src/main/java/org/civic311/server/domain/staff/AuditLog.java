package org.civic311.server.domain.staff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.civic311.server.storage.AuditEntry;
import org.civic311.server.storage.AuditQuery;
import org.civic311.server.storage.AuditStore;
import org.civic311.server.storage.Transaction;

/**
 * Writes each staff action to the append-only audit log: who, when, what, and the state before
 * and after as JSON. An action's entry is written in the action's own transaction, so the two are
 * committed together or not at all. The database refuses updates and deletes of the log (a
 * trigger), and the application has no call that would try.
 */
public final class AuditLog {
  private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS,
      true);
  private final AuditStore store;
  private final Clock clock;

  public AuditLog(AuditStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Who acted, and from which client address. */
  public record Actor(StaffMember member, String client) {}

  /** Records an action in {@code tx}, the transaction that applies it. */
  public void record(Transaction tx, Actor actor, String action, String targetType, String targetId,
      String jurisdictionId, Map<String, ?> before, Map<String, ?> after) {
    tx.audit().append(new AuditEntry(0, clock.millis(), actor.member() == null ? null : actor.member().id(),
        actor.member() == null ? "-" : actor.member().username(), action, targetType, targetId, jurisdictionId,
        json(before), json(after), actor.client()));
  }

  /**
   * Records a sign-in attempt by name, whether or not the account exists. It commits on its own,
   * apart from the count of failed attempts that {@link Accounts#signIn} keeps.
   */
  public void recordSignIn(String username, boolean succeeded, Long userId, String client) {
    store.append(new AuditEntry(0, clock.millis(), userId, username == null ? "" : username,
        succeeded ? "sign_in" : "sign_in_failed", "account", username == null ? "" : username, null, null, null,
        client));
  }

  public List<AuditEntry> search(AuditQuery query) {
    return store.search(query);
  }

  private static String json(Map<String, ?> state) {
    if (state == null) {
      return null;
    }
    try {
      return JSON.writeValueAsString(state);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
