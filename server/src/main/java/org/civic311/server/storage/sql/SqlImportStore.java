package org.civic311.server.storage.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civic311.server.storage.ImportStore;
import org.civic311.server.storage.ImportedRequest;
import org.civic311.server.storage.JurisdictionRecord;
import org.civic311.server.storage.ServiceRecord;
import org.civic311.server.storage.StorageException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Imports in batches, each one transaction run as a bulk load ({@link Dialect#beginBulkLoad}): on
 * SQLite the rows go in as one JDBC batch of a prepared statement, the full-text and place index
 * entries are added afterwards by one statement each, and the batch's new ids are read back as the
 * ids above the highest before it (one writer); on PostgreSQL each table takes the whole batch in
 * one INSERT from arrays ({@link PostgresImportRows}) that returns the new ids.
 */
final class SqlImportStore implements ImportStore {
  static final String CHANNEL = "import";
  private static final String INSERT = "INSERT INTO service_requests (jurisdiction_id, service_code, service_name,"
      + " status, extended_status, status_notes, description, agency_responsible, requested_at, updated_at,"
      + " expected_at, closed_at, address, zipcode, lat, lon, attributes, channel, external_source, external_id,"
      + " external_digest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', '" + CHANNEL + "', ?, ?, ?)";
  private static final String REWRITE = "UPDATE service_requests SET service_code = ?, service_name = ?,"
      + " status = ?, extended_status = ?, status_notes = ?, description = ?, agency_responsible = ?,"
      + " requested_at = ?, updated_at = ?, expected_at = ?, closed_at = ?, address = ?, zipcode = ?, lat = ?,"
      + " lon = ?, external_digest = ? WHERE id = ?";
  private static final String INSERT_UPDATE = "INSERT INTO request_updates (jurisdiction_id, request_id, update_id,"
      + " status, description, updated_at, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
  private static final String DELETE_UPDATE = "DELETE FROM request_updates WHERE jurisdiction_id = ? AND update_id = ?";

  private final Jdbi reads;
  private final Writer writes;
  private final Dialect dialect;

  SqlImportStore(Jdbi reads, Writer writes, Dialect dialect) {
    this.reads = reads;
    this.writes = writes;
    this.dialect = dialect;
  }

  @Override
  public JurisdictionRecord ensureJurisdiction(JurisdictionRecord wanted, long now) {
    return Guard.call("store a jurisdiction", () -> writes.inTransaction(h -> {
      dialect.lockCatalogue(h);
      Optional<JurisdictionRecord> stored = h
          .createQuery("SELECT id, name, time_zone, changeset FROM jurisdictions WHERE id = :id")
          .bind("id", wanted.id())
          .map((rs, ctx) -> new JurisdictionRecord(rs.getString("id"), rs.getString("name"),
              rs.getString("time_zone"), rs.getLong("changeset")))
          .findOne();
      if (stored.isPresent()) {
        return stored.get();
      }
      h.createUpdate("INSERT INTO jurisdictions (id, name, time_zone, changeset) VALUES (:id, :name, :tz, :now)")
          .bind("id", wanted.id()).bind("name", wanted.name()).bind("tz", wanted.timeZone()).bind("now", now)
          .execute();
      return new JurisdictionRecord(wanted.id(), wanted.name(), wanted.timeZone(), now);
    }));
  }

  @Override
  public boolean holds(String jurisdictionId, String source) {
    return Guard.call("look for imported requests", () -> reads.withHandle(h -> h
        .createQuery("SELECT 1 FROM service_requests WHERE jurisdiction_id = :j AND external_source = :source"
            + " AND external_id IS NOT NULL LIMIT 1")
        .bind("j", jurisdictionId).bind("source", source).mapTo(Integer.class).findOne().isPresent()));
  }

  @Override
  public Map<String, String> serviceNames(String jurisdictionId) {
    return Guard.call("read service names", () -> reads.withHandle(h -> {
      Map<String, String> names = new HashMap<>();
      h.createQuery("SELECT code, name FROM services WHERE jurisdiction_id = :j").bind("j", jurisdictionId)
          .map((rs, ctx) -> names.put(rs.getString(1), rs.getString(2))).list();
      return names;
    }));
  }

  @Override
  public void addServices(String jurisdictionId, List<ServiceRecord> services, long now) {
    if (services.isEmpty()) {
      return;
    }
    Guard.call("add services", () -> writes.inTransaction(h -> {
      dialect.lockCatalogue(h);
      Set<String> known = new HashSet<>(h.createQuery("SELECT code FROM services WHERE jurisdiction_id = :j")
          .bind("j", jurisdictionId).mapTo(String.class).list());
      int position = h.createQuery("SELECT COALESCE(MAX(position), 0) FROM services WHERE jurisdiction_id = :j")
          .bind("j", jurisdictionId).mapTo(Integer.class).one();
      for (ServiceRecord s : services) {
        if (known.add(s.code())) {
          SqlCatalogueStore.insert(h, jurisdictionId, s, ++position);
        }
      }
      h.createUpdate("UPDATE jurisdictions SET changeset = :now WHERE id = :id")
          .bind("now", now).bind("id", jurisdictionId).execute();
      return null;
    }));
  }

  @Override
  public BatchOutcome write(String jurisdictionId, String source, List<ImportedRequest> batch, long now) {
    if (batch.isEmpty()) {
      return new BatchOutcome(0, 0, 0);
    }
    return Guard.call("import a batch of requests", () -> writes.inTransaction(h -> {
      try {
        return write(h, jurisdictionId, source, batch, now);
      } catch (SQLException e) {
        throw new StorageException("database failed to import a batch of requests: " + e.getMessage(), e);
      }
    }));
  }

  private record Known(long id, String digest) {}

  private BatchOutcome write(Handle h, String j, String source, List<ImportedRequest> batch, long now)
      throws SQLException {
    Connection c = h.getConnection();
    // Begun first: on SQLite this write takes the writer's lock, so the highest id read next
    // stays the highest until the commit.
    dialect.beginBulkLoad(h);
    long lastRequest = maxId(c, "service_requests");
    Map<String, Known> known = known(c, j, source, batch);
    List<ImportedRequest> added = new ArrayList<>();
    List<ImportedRequest> changed = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ImportedRequest r : batch) {
      // A file may repeat an id within a batch; the first row of it wins, as in the rerun.
      if (!seen.add(r.externalId())) {
        continue;
      }
      Known k = known.get(r.externalId());
      if (k == null) {
        added.add(r);
      } else if (!java.util.Objects.equals(k.digest(), r.digest())) {
        changed.add(r);
      }
    }
    Map<String, Long> ids = new HashMap<>();
    for (Map.Entry<String, Known> k : known.entrySet()) {
      ids.put(k.getKey(), k.getValue().id());
    }
    if (!added.isEmpty()) {
      if (dialect.singleWriter()) {
        insertOneByOne(c, j, source, added);
        readBack(c, lastRequest, ids);
      } else {
        ids.putAll(PostgresImportRows.insertRequests(c, j, source, added));
      }
    }
    if (!changed.isEmpty()) {
      try (PreparedStatement rewrite = c.prepareStatement(REWRITE);
          PreparedStatement drop = c.prepareStatement(DELETE_UPDATE)) {
        for (ImportedRequest r : changed) {
          int i = bindFrom(rewrite, r, 0);
          rewrite.setString(++i, r.digest());
          rewrite.setLong(++i, known.get(r.externalId()).id());
          rewrite.addBatch();
          drop.setString(1, j);
          drop.setString(2, updateId(source, r));
          drop.addBatch();
        }
        rewrite.executeBatch();
        drop.executeBatch();
      }
    }
    List<ImportedRequest> withUpdates = new ArrayList<>();
    for (List<ImportedRequest> part : List.of(added, changed)) {
      for (ImportedRequest r : part) {
        if (r.hasUpdate()) {
          withUpdates.add(r);
        }
      }
    }
    long lastUpdate = maxId(c, "request_updates");
    if (!withUpdates.isEmpty()) {
      if (dialect.singleWriter()) {
        insertUpdatesOneByOne(c, j, source, withUpdates, ids, now);
      } else {
        PostgresImportRows.insertUpdates(c, j, source, withUpdates, ids, now);
      }
    }
    dialect.endBulkLoad(h, lastRequest);
    if (!withUpdates.isEmpty()) {
      skipStatusMails(h, lastUpdate);
    }
    return new BatchOutcome(added.size(), changed.size(), batch.size() - added.size() - changed.size());
  }

  private static void insertOneByOne(Connection c, String j, String source, List<ImportedRequest> added)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(INSERT)) {
      for (ImportedRequest r : added) {
        s.setString(1, j);
        int i = bindFrom(s, r, 1);
        s.setString(++i, source);
        s.setString(++i, r.externalId());
        s.setString(++i, r.digest());
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  /** With one writer, every request above the highest id before the batch is the batch's own. */
  private static void readBack(Connection c, long after, Map<String, Long> ids) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT id, external_id FROM service_requests WHERE id > ?")) {
      s.setLong(1, after);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          ids.put(rs.getString(2), rs.getLong(1));
        }
      }
    }
  }

  private static void insertUpdatesOneByOne(Connection c, String j, String source, List<ImportedRequest> rows,
      Map<String, Long> ids, long now) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(INSERT_UPDATE)) {
      for (ImportedRequest r : rows) {
        s.setString(1, j);
        s.setLong(2, ids.get(r.externalId()));
        s.setString(3, updateId(source, r));
        s.setString(4, updateStatus(r));
        nullable(s, 5, r.note());
        s.setLong(6, r.updatedAt());
        s.setLong(7, now);
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  static String updateStatus(ImportedRequest r) {
    return r.extendedStatus() != null ? r.extendedStatus() : r.status();
  }

  private static long maxId(Connection c, String table) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM " + table);
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Imported history is not news: when the status-mail job had dealt with every update before
   * this batch, it is moved past the batch's updates, so it does not walk millions of them after
   * a large import. Only with a single writer (SQLite), where no other update can take an id
   * among the batch's while it commits; on PostgreSQL the job walks them once (imported requests
   * have no followers, so nobody is mailed).
   */
  private void skipStatusMails(Handle h, long before) {
    if (!dialect.singleWriter()) {
      return;
    }
    h.createUpdate("UPDATE job_cursors SET position = (SELECT MAX(id) FROM request_updates)"
        + " WHERE name = 'status_mail' AND position >= :before").bind("before", before).execute();
  }

  /** The public id of a request's imported update: stable, so a rerun finds and replaces it. */
  static String updateId(String source, ImportedRequest r) {
    return source + ":" + r.externalId();
  }

  /** The stored requests among the rows, by external id: one query, the ids bound as one parameter. */
  private Map<String, Known> known(Connection c, String j, String source, List<ImportedRequest> rows)
      throws SQLException {
    List<String> ids = new ArrayList<>(rows.size());
    for (ImportedRequest r : rows) {
      ids.add(r.externalId());
    }
    Map<String, Known> known = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement("SELECT id, external_id, external_digest FROM service_requests"
        + " WHERE jurisdiction_id = ? AND external_source = ? AND external_id IS NOT NULL AND "
        + dialect.oneOf("external_id"))) {
      s.setString(1, j);
      s.setString(2, source);
      dialect.bindStrings(s, 3, ids);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          known.put(rs.getString(2), new Known(rs.getLong(1), rs.getString(3)));
        }
      }
    }
    return known;
  }

  /**
   * Binds the columns INSERT and REWRITE share, which both list in this order, after the first
   * {@code i} parameters; returns the last index bound.
   */
  private static int bindFrom(PreparedStatement s, ImportedRequest r, int i) throws SQLException {
    s.setString(++i, r.serviceCode());
    s.setString(++i, r.serviceName());
    s.setString(++i, r.status());
    nullable(s, ++i, r.extendedStatus());
    nullable(s, ++i, r.hasUpdate() ? r.note() : null);
    nullable(s, ++i, r.description());
    nullable(s, ++i, r.agencyResponsible());
    s.setLong(++i, r.requestedAt());
    s.setLong(++i, r.updatedAt());
    nullable(s, ++i, r.expectedAt());
    nullable(s, ++i, r.closed() && r.hasUpdate() ? r.updatedAt() : null);
    nullable(s, ++i, r.address());
    nullable(s, ++i, r.zipcode());
    nullable(s, ++i, r.lat());
    nullable(s, ++i, r.lon());
    return i;
  }

  private static void nullable(PreparedStatement s, int i, String v) throws SQLException {
    if (v == null) {
      s.setNull(i, Types.VARCHAR);
    } else {
      s.setString(i, v);
    }
  }

  private static void nullable(PreparedStatement s, int i, Long v) throws SQLException {
    if (v == null) {
      s.setNull(i, Types.BIGINT);
    } else {
      s.setLong(i, v);
    }
  }

  private static void nullable(PreparedStatement s, int i, Double v) throws SQLException {
    if (v == null) {
      s.setNull(i, Types.DOUBLE);
    } else {
      s.setDouble(i, v);
    }
  }
}
