package org.civic311.server.storage.sql;

import java.util.Optional;
import org.civic311.server.storage.IdempotencyStore;


/** {@link IdempotencyStore} in the {@code idempotency_keys} table. */
final class SqlIdempotencyStore implements IdempotencyStore {
  private final Reader reads;
  private final Writer writes;

  SqlIdempotencyStore(Reader reads, Writer writes) {
    this.reads = reads;
    this.writes = writes;
  }

  @Override
  public boolean claim(long apiKeyId, String keyHash, String bodyHash, long now) {
    return Guard.call("claim an idempotency key", () -> writes.inTransaction(h -> h.createUpdate(
        "INSERT INTO idempotency_keys (api_key_id, key_hash, body_hash, created_at) "
            + "VALUES (:key, :hash, :body, :now) ON CONFLICT (api_key_id, key_hash) DO NOTHING")
        .bind("key", apiKeyId).bind("hash", keyHash).bind("body", bodyHash).bind("now", now)
        .execute() == 1));
  }

  @Override
  public Optional<Entry> find(long apiKeyId, String keyHash) {
    return Guard.call("read an idempotency key", () -> reads.withHandle(h -> h.createQuery(
        "SELECT body_hash, created_at, status, content_type, body FROM idempotency_keys "
            + "WHERE api_key_id = :key AND key_hash = :hash")
        .bind("key", apiKeyId).bind("hash", keyHash)
        .map((rs, ctx) -> new Entry(rs.getString(1), rs.getLong(2), status(rs.getInt(3), rs.wasNull()),
            rs.getString(4), rs.getBytes(5)))
        .findOne()));
  }

  private static Integer status(int value, boolean wasNull) {
    return wasNull ? null : value;
  }

  @Override
  public void complete(long apiKeyId, String keyHash, int status, String contentType, byte[] body) {
    Guard.call("store an idempotent answer", () -> writes.inTransaction(h -> h.createUpdate(
        "UPDATE idempotency_keys SET status = :status, content_type = :type, body = :body "
            + "WHERE api_key_id = :key AND key_hash = :hash")
        .bind("status", status).bind("type", contentType).bind("body", body)
        .bind("key", apiKeyId).bind("hash", keyHash).execute()));
  }

  @Override
  public void release(long apiKeyId, String keyHash) {
    Guard.call("free an idempotency key", () -> writes.inTransaction(h -> h.createUpdate(
        "DELETE FROM idempotency_keys WHERE api_key_id = :key AND key_hash = :hash AND status IS NULL")
        .bind("key", apiKeyId).bind("hash", keyHash).execute()));
  }

  @Override
  public int expire(long before) {
    return Guard.call("expire idempotency keys", () -> writes.inTransaction(h -> h.createUpdate(
        "DELETE FROM idempotency_keys WHERE created_at < :before").bind("before", before).execute()));
  }
}
