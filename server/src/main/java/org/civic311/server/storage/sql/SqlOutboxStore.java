package org.civic311.server.storage.sql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civic311.server.storage.OutboxStore;
import org.jdbi.v3.core.Handle;

/** {@link OutboxStore} in the {@code forward_outbox} table. */
final class SqlOutboxStore implements OutboxStore {
  private static final String COLUMNS = "request_id, upstream, state, attempts, next_try_at, last_error, "
      + "upstream_id, upstream_token, created_at, sent_at";
  private final Reader reads;
  private final Writer writes;
  private final Leases leases;

  SqlOutboxStore(Reader reads, Writer writes) {
    this.reads = reads;
    this.writes = writes;
    this.leases = new Leases(reads, writes, "forward_outbox", "request_id", "waiting");
  }

  /** Writes a waiting row on the request's own transaction. */
  static void enqueue(Handle h, long requestId, String upstream, long now) {
    h.createUpdate("INSERT INTO forward_outbox (request_id, upstream, state, next_try_at, created_at) "
        + "VALUES (:id, :upstream, 'waiting', :now, :now)")
        .bind("id", requestId).bind("upstream", upstream).bind("now", now).execute();
  }

  @Override
  public List<Long> due(long now, int limit) {
    return leases.due(now, limit);
  }

  @Override
  public boolean claim(long requestId, long now, long until) {
    return leases.claim(requestId, now, until);
  }

  @Override
  public Optional<Entry> find(long requestId) {
    return Guard.call("read an outbox row", () -> reads.withHandle(h -> h.createQuery(
        "SELECT " + COLUMNS + " FROM forward_outbox WHERE request_id = :id")
        .bind("id", requestId)
        .map((rs, ctx) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getLong(5),
            rs.getString(6), rs.getString(7), rs.getString(8), rs.getLong(9), nullable(rs.getLong(10), rs.wasNull())))
        .findOne()));
  }

  @Override
  public void sent(long requestId, int attempts, String upstreamId, String upstreamToken, long now) {
    update("record a forwarded request", "UPDATE forward_outbox SET state = 'sent', attempts = :attempts, "
        + "upstream_id = :uid, upstream_token = :token, sent_at = :now, last_error = NULL, claimed_until = 0 "
        + "WHERE request_id = :id", Map.of("attempts", attempts, "now", now, "id", requestId),
        upstreamId, upstreamToken);
  }

  @Override
  public void retryLater(long requestId, int attempts, long nextTryAt, String error) {
    update("postpone a forwarded request", "UPDATE forward_outbox SET attempts = :attempts, next_try_at = :next, "
        + "last_error = :error, claimed_until = 0 WHERE request_id = :id",
        Map.of("attempts", attempts, "next", nextTryAt, "error", error, "id", requestId), null, null);
  }

  @Override
  public void failed(long requestId, int attempts, String error) {
    update("record a refused forward", "UPDATE forward_outbox SET state = 'failed', attempts = :attempts, "
        + "last_error = :error, claimed_until = 0 WHERE request_id = :id AND state = 'waiting'",
        Map.of("attempts", attempts, "error", error, "id", requestId), null, null);
  }

  @Override
  public boolean retry(long requestId, long now) {
    return Guard.call("retry a forwarded request", () -> writes.inTransaction(h -> h.createUpdate(
        "UPDATE forward_outbox SET state = 'waiting', next_try_at = :now, claimed_until = 0 "
            + "WHERE request_id = :id AND state IN ('failed', 'cancelled')")
        .bind("now", now).bind("id", requestId).execute() == 1));
  }

  @Override
  public Map<Long, String> upstreamIdsOf(List<Long> requestIds) {
    Map<Long, String> ids = new java.util.HashMap<>();
    if (requestIds.isEmpty()) {
      return ids;
    }
    return Guard.call("read upstream ids", () -> reads.withHandle(h -> {
      h.createQuery("SELECT request_id, COALESCE(upstream_id, upstream_token) FROM forward_outbox "
          + "WHERE state = 'sent' AND request_id IN (<ids>)")
          .bindList("ids", requestIds)
          .map((rs, ctx) -> ids.put(rs.getLong(1), rs.getString(2))).list();
      return ids;
    }));
  }

  @Override
  public List<Forwarded> openForwarded(String upstream, long afterRequestId, int limit) {
    return Guard.call("read forwarded requests", () -> reads.withHandle(h -> h.createQuery(
        "SELECT o.request_id, o.upstream_id, r.expected_at FROM forward_outbox o JOIN service_requests r ON r.id = o.request_id "
            + "WHERE o.upstream = :upstream AND o.state = 'sent' AND o.upstream_id IS NOT NULL "
            + "AND r.status = 'open' AND o.request_id > :after ORDER BY o.request_id LIMIT :limit")
        .bind("upstream", upstream).bind("after", afterRequestId).bind("limit", limit)
        .map((rs, ctx) -> new Forwarded(rs.getLong(1), rs.getString(2), nullable(rs.getLong(3), rs.wasNull())))
        .list()));
  }

  @Override
  public boolean cancel(long requestId) {
    return Guard.call("cancel a forward", () -> writes.inTransaction(h -> h.createUpdate(
        "UPDATE forward_outbox SET state = 'cancelled', claimed_until = 0 "
            + "WHERE request_id = :id AND state IN ('waiting', 'failed')")
        .bind("id", requestId).execute() == 1));
  }

  @Override
  public List<Token> unresolvedTokens(String upstream, int limit) {
    return Guard.call("read upstream tokens", () -> reads.withHandle(h -> h.createQuery(
        "SELECT request_id, upstream_token FROM forward_outbox WHERE upstream = :upstream AND state = 'sent' "
            + "AND upstream_id IS NULL AND upstream_token IS NOT NULL ORDER BY request_id LIMIT :limit")
        .bind("upstream", upstream).bind("limit", limit)
        .map((rs, ctx) -> new Token(rs.getLong(1), rs.getString(2))).list()));
  }

  @Override
  public void link(long requestId, String source, String externalId) {
    Guard.call("link a forwarded request", () -> writes.inTransaction(h -> h.createUpdate(
        "UPDATE service_requests SET external_source = :source, external_id = :eid WHERE id = :id"
            + " AND external_id IS NULL AND NOT EXISTS (SELECT 1 FROM service_requests o"
            + " WHERE o.jurisdiction_id = service_requests.jurisdiction_id AND o.external_source = :source"
            + " AND o.external_id = :eid)")
        .bind("source", source).bind("eid", externalId).bind("id", requestId).execute()));
  }

  @Override
  public void resolved(long requestId, String upstreamId) {
    Guard.call("store an upstream id", () -> writes.inTransaction(h -> h.createUpdate(
        "UPDATE forward_outbox SET upstream_id = :uid WHERE request_id = :id AND upstream_id IS NULL")
        .bind("uid", upstreamId).bind("id", requestId).execute()));
  }

  @Override
  public Map<String, Forwarded> forwardedByUpstreamId(String upstream, List<String> upstreamIds) {
    Map<String, Forwarded> found = new java.util.HashMap<>();
    if (upstreamIds.isEmpty()) {
      return found;
    }
    return Guard.call("read forwarded requests", () -> reads.withHandle(h -> {
      h.createQuery("SELECT o.request_id, o.upstream_id, r.expected_at FROM forward_outbox o "
          + "JOIN service_requests r ON r.id = o.request_id WHERE o.upstream = :upstream AND o.state = 'sent' "
          + "AND r.status = 'open' AND o.upstream_id IN (<ids>)")
          .bind("upstream", upstream).bindList("ids", upstreamIds)
          .map((rs, ctx) -> found.put(rs.getString(2),
              new Forwarded(rs.getLong(1), rs.getString(2), nullable(rs.getLong(3), rs.wasNull())))).list();
      return found;
    }));
  }

  @Override
  public Map<String, Long> depth() {
    return Guard.call("count the outbox", () -> reads.withHandle(h -> {
      Map<String, Long> counts = new LinkedHashMap<>();
      h.createQuery("SELECT state, count(*) FROM forward_outbox GROUP BY state ORDER BY state")
          .map((rs, ctx) -> counts.put(rs.getString(1), rs.getLong(2))).list();
      return counts;
    }));
  }

  private static Long nullable(long value, boolean wasNull) {
    return wasNull ? null : value;
  }

  private void update(String what, String sql, Map<String, Object> values, String upstreamId, String token) {
    Guard.call(what, () -> writes.inTransaction(h -> {
      var u = h.createUpdate(sql).bindMap(values);
      if (sql.contains(":uid")) {
        u.bind("uid", upstreamId).bind("token", token);
      }
      return u.execute();
    }));
  }
}
