package org.civic311.server.storage.sql;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.civic311.server.storage.ImportedRequest;

/**
 * A batch of imported rows written to PostgreSQL as one statement per table: each column is bound
 * as one array and {@code unnest} turns the arrays back into rows. One round trip and one
 * statement for thousands of rows, where a JDBC batch of single-row INSERTs costs a round trip's
 * parsing, planning and executor start per row.
 */
final class PostgresImportRows {
  private static final String REQUESTS = "INSERT INTO service_requests (jurisdiction_id, service_code, service_name,"
      + " status, extended_status, status_notes, description, agency_responsible, requested_at, updated_at,"
      + " expected_at, closed_at, address, zipcode, lat, lon, attributes, channel, external_source, external_id,"
      + " external_digest)"
      + " SELECT ?, u.code, u.name, u.status, u.extended, u.notes, u.description, u.agency, u.requested, u.updated,"
      + " u.expected, u.closed, u.address, u.zipcode, u.lat, u.lon, '{}', '" + SqlImportStore.CHANNEL + "', ?,"
      + " u.external_id, u.digest"
      + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[],"
      + " ?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::float8[], ?::float8[], ?::text[], ?::text[])"
      + " AS u(code, name, status, extended, notes, description, agency, requested, updated, expected, closed,"
      + " address, zipcode, lat, lon, external_id, digest)"
      + " RETURNING id, external_id";
  private static final String UPDATES = "INSERT INTO request_updates (jurisdiction_id, request_id, update_id, status,"
      + " description, updated_at, recorded_at)"
      + " SELECT ?, u.request, u.update_id, u.status, u.note, u.at, ?"
      + " FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::bigint[]) AS u(request, update_id, status, note, at)";

  /**
   * Rows per statement. Every statement must answer within the connection's socket timeout
   * ({@link PostgresDialect#SOCKET_TIMEOUT_S}) even on a loaded machine; a statement of 20,000 rows
   * took over 30 s at load 18 on two cores, one of 2,000 takes a few seconds there.
   */
  static final int CHUNK = 2_000;

  private PostgresImportRows() {}

  /** Inserts the requests; returns their new ids by external id. */
  static Map<String, Long> insertRequests(Connection c, String j, String source, List<ImportedRequest> all)
      throws SQLException {
    Map<String, Long> ids = new HashMap<>();
    for (int from = 0; from < all.size(); from += CHUNK) {
      insertRequestChunk(c, j, source, all.subList(from, Math.min(all.size(), from + CHUNK)), ids);
    }
    return ids;
  }

  private static void insertRequestChunk(Connection c, String j, String source, List<ImportedRequest> rows,
      Map<String, Long> ids) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(REQUESTS)) {
      int i = 0;
      s.setString(++i, j);
      s.setString(++i, source);
      s.setArray(++i, texts(c, rows, ImportedRequest::serviceCode));
      s.setArray(++i, texts(c, rows, ImportedRequest::serviceName));
      s.setArray(++i, texts(c, rows, ImportedRequest::status));
      s.setArray(++i, texts(c, rows, ImportedRequest::extendedStatus));
      s.setArray(++i, texts(c, rows, r -> r.hasUpdate() ? r.note() : null));
      s.setArray(++i, texts(c, rows, ImportedRequest::description));
      s.setArray(++i, texts(c, rows, ImportedRequest::agencyResponsible));
      s.setArray(++i, longs(c, rows, ImportedRequest::requestedAt));
      s.setArray(++i, longs(c, rows, ImportedRequest::updatedAt));
      s.setArray(++i, longs(c, rows, ImportedRequest::expectedAt));
      s.setArray(++i, longs(c, rows, r -> r.closed() && r.hasUpdate() ? r.updatedAt() : null));
      s.setArray(++i, texts(c, rows, ImportedRequest::address));
      s.setArray(++i, texts(c, rows, ImportedRequest::zipcode));
      s.setArray(++i, doubles(c, rows, ImportedRequest::lat));
      s.setArray(++i, doubles(c, rows, ImportedRequest::lon));
      s.setArray(++i, texts(c, rows, ImportedRequest::externalId));
      s.setArray(++i, texts(c, rows, ImportedRequest::digest));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          ids.put(rs.getString(2), rs.getLong(1));
        }
      }
    }
  }

  /** Inserts each request's imported update. */
  static void insertUpdates(Connection c, String j, String source, List<ImportedRequest> all, Map<String, Long> ids,
      long now) throws SQLException {
    for (int from = 0; from < all.size(); from += CHUNK) {
      insertUpdateChunk(c, j, source, all.subList(from, Math.min(all.size(), from + CHUNK)), ids, now);
    }
  }

  private static void insertUpdateChunk(Connection c, String j, String source, List<ImportedRequest> rows,
      Map<String, Long> ids, long now) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(UPDATES)) {
      int i = 0;
      s.setString(++i, j);
      s.setLong(++i, now);
      s.setArray(++i, longs(c, rows, r -> ids.get(r.externalId())));
      s.setArray(++i, texts(c, rows, r -> SqlImportStore.updateId(source, r)));
      s.setArray(++i, texts(c, rows, SqlImportStore::updateStatus));
      s.setArray(++i, texts(c, rows, ImportedRequest::note));
      s.setArray(++i, longs(c, rows, ImportedRequest::updatedAt));
      s.executeUpdate();
    }
  }

  private static Array texts(Connection c, List<ImportedRequest> rows, Function<ImportedRequest, String> f)
      throws SQLException {
    String[] v = new String[rows.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = f.apply(rows.get(i));
    }
    return c.createArrayOf("text", v);
  }

  private static Array longs(Connection c, List<ImportedRequest> rows, Function<ImportedRequest, Long> f)
      throws SQLException {
    Long[] v = new Long[rows.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = f.apply(rows.get(i));
    }
    return c.createArrayOf("bigint", v);
  }

  private static Array doubles(Connection c, List<ImportedRequest> rows, Function<ImportedRequest, Double> f)
      throws SQLException {
    Double[] v = new Double[rows.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = f.apply(rows.get(i));
    }
    return c.createArrayOf("float8", v);
  }
}
