package org.civic311.server.storage.sql;

import java.util.List;
import java.util.Optional;
import org.civic311.server.storage.WebhookDelivery;
import org.civic311.server.storage.WebhookRecord;
import org.civic311.server.storage.WebhookStore;

/** {@link WebhookStore} in the {@code webhooks} and {@code webhook_deliveries} tables (migration V16). */
final class SqlWebhookStore implements WebhookStore {
  private static final String COLUMNS = "id, api_key_id, jurisdiction_id, url, secret, filters, position, state,"
      + " attempts, failing_since, next_try_at, created_at";
  private final Reader reads;
  private final Writer writes;
  private final Leases leases;

  SqlWebhookStore(Reader reads, Writer writes) {
    this.reads = reads;
    this.writes = writes;
    this.leases = new Leases(reads, writes, "webhooks", "id", "active");
  }

  @Override
  public long create(long apiKeyId, String jurisdictionId, String url, String secret, String filters, long position,
      long now) {
    return Guard.call("store a webhook", () -> writes.inTransaction(h -> h.createUpdate(
        "INSERT INTO webhooks (api_key_id, jurisdiction_id, url, secret, filters, position, state, created_at)"
            + " VALUES (:key, :j, :url, :secret, :filters, :position, 'active', :now)")
        .bind("key", apiKeyId).bind("j", jurisdictionId).bind("url", url).bind("secret", secret)
        .bind("filters", filters).bind("position", position).bind("now", now)
        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one()));
  }

  @Override
  public Optional<WebhookRecord> find(long id) {
    return Guard.call("read a webhook", () -> reads.withHandle(h -> h.createQuery(
        "SELECT " + COLUMNS + " FROM webhooks WHERE id = :id").bind("id", id).map(SqlWebhookStore::record)
        .findOne()));
  }

  @Override
  public List<WebhookRecord> list(Long apiKeyId) {
    return Guard.call("list webhooks", () -> reads.withHandle(h -> h.createQuery(
        "SELECT " + COLUMNS + " FROM webhooks WHERE state <> 'removed'"
            + (apiKeyId == null ? "" : " AND api_key_id = :key") + " ORDER BY id DESC")
        .bind("key", apiKeyId == null ? -1 : apiKeyId).map(SqlWebhookStore::record).list()));
  }

  private static WebhookRecord record(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
      throws java.sql.SQLException {
    long since = rs.getLong(10);
    Long failingSince = rs.wasNull() ? null : since;
    return new WebhookRecord(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getLong(7), rs.getString(8), rs.getInt(9), failingSince, rs.getLong(11), rs.getLong(12));
  }

  @Override
  public boolean remove(long id) {
    return Guard.call("remove a webhook", () -> writes.inTransaction(h -> h.createUpdate(
        "UPDATE webhooks SET state = 'removed' WHERE id = :id AND state <> 'removed'").bind("id", id)
        .execute() == 1));
  }

  @Override
  public List<Long> due(long now, int limit) {
    return leases.due(now, limit);
  }

  @Override
  public boolean claim(long id, long now, long until) {
    return leases.claim(id, now, until);
  }

  @Override
  public void advance(long id, long position) {
    Guard.call("move a webhook on", () -> writes.inTransaction(h -> h.createUpdate(
        "UPDATE webhooks SET position = :p, attempts = 0, failing_since = NULL, next_try_at = 0,"
            + " claimed_until = 0 WHERE id = :id AND position < :p")
        .bind("p", position).bind("id", id).execute()
        // Nothing new (or another node went further): the hook is only let go.
        + h.createUpdate("UPDATE webhooks SET claimed_until = 0 WHERE id = :id AND position >= :p")
        .bind("p", position).bind("id", id).execute()));
  }

  @Override
  public void failed(long id, int attempts, long failingSince, long nextTryAt, String state) {
    Guard.call("record a failed delivery", () -> writes.inTransaction(h -> h.createUpdate(
        "UPDATE webhooks SET attempts = :a, failing_since = :since, next_try_at = :next, state = :state,"
            + " claimed_until = 0 WHERE id = :id AND state = 'active'")
        .bind("a", attempts).bind("since", failingSince).bind("next", nextTryAt).bind("state", state)
        .bind("id", id).execute()));
  }

  @Override
  public void reactivate(long id) {
    Guard.call("reactivate a webhook", () -> writes.inTransaction(h -> h.createUpdate(
        "UPDATE webhooks SET state = 'active', attempts = 0, failing_since = NULL, next_try_at = 0,"
            + " claimed_until = 0 WHERE id = :id AND state = 'failed'").bind("id", id).execute()));
  }

  @Override
  public void log(WebhookDelivery d) {
    Guard.call("log a delivery", () -> writes.inTransaction(h -> {
      h.createUpdate("INSERT INTO webhook_deliveries (webhook_id, event_id, at, status, outcome, millis)"
              + " VALUES (:hook, :event, :at, :status, :outcome, :millis)")
          .bind("hook", d.webhookId()).bind("event", d.eventId()).bind("at", d.at()).bind("status", d.status())
          .bind("outcome", d.outcome()).bind("millis", d.millis()).execute();
      return h.createUpdate("DELETE FROM webhook_deliveries WHERE webhook_id = :hook AND id <= ("
              + "SELECT id FROM webhook_deliveries WHERE webhook_id = :hook ORDER BY id DESC LIMIT 1 OFFSET :kept)")
          .bind("hook", d.webhookId()).bind("kept", KEPT_DELIVERIES).execute();
    }));
  }

  @Override
  public List<WebhookDelivery> deliveries(long id, int limit) {
    return Guard.call("read deliveries", () -> reads.withHandle(h -> h.createQuery(
        "SELECT webhook_id, event_id, at, status, outcome, millis FROM webhook_deliveries"
            + " WHERE webhook_id = :id ORDER BY id DESC LIMIT :limit")
        .bind("id", id).bind("limit", limit)
        .map((rs, ctx) -> {
          int status = rs.getInt(4);
          Integer s = rs.wasNull() ? null : status;
          return new WebhookDelivery(rs.getLong(1), rs.getLong(2), rs.getLong(3), s, rs.getString(5), rs.getLong(6));
        }).list()));
  }
}
