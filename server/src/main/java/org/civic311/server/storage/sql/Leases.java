package org.civic311.server.storage.sql;

import java.util.List;

/**
 * Rows of a table that are worked by whichever node claims them first: due rows are those in the
 * ready state whose next try has come and whose last claim has lapsed; a claim sets
 * {@code claimed_until}, checked again by the UPDATE itself so two nodes cannot both win. Used by
 * the forwarding outbox and the webhooks.
 */
final class Leases {
  private final Reader reads;
  private final Writer writes;
  private final String table;
  private final String id;
  private final String ready;

  /** {@code table} has {@code id}, {@code state}, {@code next_try_at} and {@code claimed_until}. */
  Leases(Reader reads, Writer writes, String table, String id, String ready) {
    this.reads = reads;
    this.writes = writes;
    this.table = table;
    this.id = id;
    this.ready = ready;
  }

  List<Long> due(long now, int limit) {
    return Guard.call("read the due rows of " + table, () -> reads.withHandle(h -> h.createQuery(
        "SELECT " + id + " FROM " + table + " WHERE state = :ready AND next_try_at <= :now"
            + " AND claimed_until < :now ORDER BY next_try_at, " + id + " LIMIT :limit")
        .bind("ready", ready).bind("now", now).bind("limit", limit).mapTo(Long.class).list()));
  }

  boolean claim(long key, long now, long until) {
    return Guard.call("claim a row of " + table, () -> writes.inTransaction(h -> h.createUpdate(
        "UPDATE " + table + " SET claimed_until = :until WHERE " + id + " = :id AND state = :ready"
            + " AND next_try_at <= :now AND claimed_until < :now")
        .bind("until", until).bind("id", key).bind("ready", ready).bind("now", now).execute() == 1));
  }
}
