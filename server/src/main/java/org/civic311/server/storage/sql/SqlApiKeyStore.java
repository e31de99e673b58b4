package org.civic311.server.storage.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.civic311.server.storage.ApiKeyRecord;
import org.civic311.server.storage.ApiKeyStore;
import org.civic311.server.storage.RateLimit;

final class SqlApiKeyStore implements ApiKeyStore {
  // Use is counted from the requests a key posted (index service_requests_by_key), so that
  // creating a request never writes the shared key row.
  private static final String COLUMNS = "k.id, k.jurisdiction_id, k.key_prefix, k.label, k.source, k.created_at,"
      + " k.revoked_at, k.writes_per_minute, k.write_burst, (SELECT MAX(r.requested_at) FROM service_requests r WHERE r.api_key_id = k.id)"
      + " AS last_used_at, (SELECT COUNT(*) FROM service_requests r WHERE r.api_key_id = k.id) AS request_count";
  private final Reader reads;
  private final Writer writes;

  SqlApiKeyStore(Reader reads, Writer writes) {
    this.reads = reads;
    this.writes = writes;
  }

  @Override
  public ApiKeyRecord insert(String jurisdictionId, String keyHash, String keyPrefix, String label, String source,
      long now) {
    return Guard.call("store an API key", () -> writes.inTransaction(h -> {
      long id = h.createUpdate("INSERT INTO api_keys (jurisdiction_id, key_hash, key_prefix, label, source, created_at)"
              + " VALUES (:j, :hash, :prefix, :label, :source, :now)")
          .bind("j", jurisdictionId).bind("hash", keyHash).bind("prefix", keyPrefix)
          .bind("label", label).bind("source", source).bind("now", now)
          .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
      return new ApiKeyRecord(id, jurisdictionId, keyPrefix, label, source, now, null, null, 0, null);
    }));
  }

  @Override
  public void insertIfAbsent(String jurisdictionId, String keyHash, String keyPrefix, String label, long now) {
    Guard.call("store an API key", () -> writes.inTransaction(h -> {
      boolean exists = h.createQuery("SELECT COUNT(*) FROM api_keys WHERE key_hash = :hash")
          .bind("hash", keyHash).mapTo(Integer.class).one() > 0;
      if (!exists) {
        h.createUpdate("INSERT INTO api_keys (jurisdiction_id, key_hash, key_prefix, label, source, created_at)"
                + " VALUES (:j, :hash, :prefix, :label, 'config', :now)")
            .bind("j", jurisdictionId).bind("hash", keyHash).bind("prefix", keyPrefix)
            .bind("label", label).bind("now", now).execute();
      }
      return null;
    }));
  }

  @Override
  public Optional<ApiKeyRecord> findByHash(String keyHash) {
    return Guard.call("find an API key", () -> reads.withHandle(h -> h
        .createQuery("SELECT " + COLUMNS + " FROM api_keys k WHERE k.key_hash = :hash")
        .bind("hash", keyHash)
        .map((rs, ctx) -> row(rs))
        .findOne()));
  }

  @Override
  public List<ApiKeyRecord> list() {
    return Guard.call("list API keys", () -> reads.withHandle(h -> h
        .createQuery("SELECT " + COLUMNS + " FROM api_keys k ORDER BY k.id")
        .map((rs, ctx) -> row(rs))
        .list()));
  }

  @Override
  public boolean setWriteLimit(long id, RateLimit limit) {
    return Guard.call("set a key's write limit", () -> writes.inTransaction(h -> h
        .createUpdate("UPDATE api_keys SET writes_per_minute = :per_minute, write_burst = :burst WHERE id = :id")
        .bind("id", id)
        .bind("per_minute", limit == null ? null : limit.perMinute())
        .bind("burst", limit == null ? null : limit.burst())
        .execute() == 1));
  }

  @Override
  public boolean revoke(long id, long now) {
    return Guard.call("revoke an API key", () -> writes.inTransaction(h -> h
        .createUpdate("UPDATE api_keys SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
        .bind("id", id).bind("now", now)
        .execute() == 1));
  }

  private static ApiKeyRecord row(ResultSet rs) throws SQLException {
    return new ApiKeyRecord(
        rs.getLong("id"),
        rs.getString("jurisdiction_id"),
        rs.getString("key_prefix"),
        rs.getString("label"),
        rs.getString("source"),
        rs.getLong("created_at"),
        Columns.nullableLong(rs, "revoked_at"),
        Columns.nullableLong(rs, "last_used_at"),
        rs.getLong("request_count"),
        limit(Columns.nullableLong(rs, "writes_per_minute"), Columns.nullableLong(rs, "write_burst")));
  }

  private static RateLimit limit(Long perMinute, Long burst) {
    return perMinute == null || burst == null ? null : new RateLimit(perMinute.intValue(), burst.intValue());
  }
}
