package org.civic311.server.storage.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.civic311.server.storage.Cursor;
import org.civic311.server.storage.MediaRecord;
import org.civic311.server.storage.NewRequest;
import org.civic311.server.storage.PublicRequestRow;
import org.civic311.server.storage.RequestQuery;
import org.civic311.server.storage.RequestRecord;
import org.civic311.server.storage.RequestStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

final class SqlRequestStore implements RequestStore {
  /** The columns a request is read from; generated search and location columns stay in the database. */
  static final String COLUMNS = "r.id, r.jurisdiction_id, r.service_code, r.service_name, r.status, r.status_notes,"
      + " r.description, r.agency_responsible, r.service_notice, r.requested_at, r.updated_at, r.expected_at,"
      + " r.address, r.address_id, r.zipcode, r.lat, r.lon, r.media_url, r.token, r.attributes, r.email, r.phone,"
      + " r.first_name, r.last_name, r.device_id, r.account_id, r.extended_status, r.channel, r.parent_request_id,"
      + " r.duplicate_of, r.hidden_reason, r.support_count";
  /** What {@link #publicRow} reads, by position, in this order. */
  private static final String PUBLIC_COLUMNS = "r.id, r.service_code, r.service_name, r.status,"
      + " r.extended_status, r.status_notes, r.description, r.agency_responsible, r.service_notice, r.requested_at,"
      + " r.updated_at, r.expected_at, r.closed_at, r.address, r.address_id, r.zipcode, r.lat, r.lon, r.media_url,"
      + " r.photo_count, r.channel, r.duplicate_of";
  private static final String INSERT = "INSERT INTO service_requests (jurisdiction_id, service_code, service_name,"
      + " status, description, agency_responsible, service_notice, requested_at, updated_at, expected_at, address,"
      + " address_id, zipcode, lat, lon, media_url, token, attributes, api_key_id, email, phone, first_name,"
      + " last_name, device_id, account_id, channel, expected_estimated)"
      + " VALUES (:j, :code, :name, 'open', :description, :agency, :notice, :at, :at, :expected, :address,"
      + " :address_id, :zipcode, :lat, :lon, :media_url, :token, :attributes, :key, :email, :phone, :first_name,"
      + " :last_name, :device_id, :account_id, :channel, :estimated)";
  static final String INSERT_MEDIA = "INSERT INTO request_media (request_id, update_id, position, media_key,"
      + " media_type, url, thumb_key) VALUES (:request, :update, :position, :key, :type, :url, :thumb)";
  private final Jdbi reads;
  private final Writer writes;
  private final Dialect dialect;

  SqlRequestStore(Jdbi reads, Writer writes, Dialect dialect) {
    this.reads = reads;
    this.writes = writes;
    this.dialect = dialect;
  }

  @Override
  public RequestRecord insert(NewRequest r) {
    return insert(r, null);
  }

  @Override
  public RequestRecord insert(NewRequest r, String upstream) {
    return Guard.call("store a request", () -> writes.inTransaction(h -> {
      NewRequest.Reporter who = r.reporter();
      long id = h.createUpdate(INSERT)
          .bind("j", r.jurisdictionId())
          .bind("code", r.serviceCode())
          .bind("name", r.serviceName())
          .bind("description", r.description())
          .bind("agency", r.agencyResponsible())
          .bind("notice", r.serviceNotice())
          .bind("at", r.requestedAt())
          .bind("expected", r.expectedAt())
          .bind("address", r.address())
          .bind("address_id", r.addressId())
          .bind("zipcode", r.zipcode())
          .bind("lat", r.lat())
          .bind("lon", r.lon())
          .bind("media_url", r.mediaUrl())
          .bind("token", r.token())
          .bind("attributes", Json.write(r.attributes()))
          .bind("key", r.apiKeyId())
          .bind("email", who.email())
          .bind("phone", who.phone())
          .bind("first_name", who.firstName())
          .bind("last_name", who.lastName())
          .bind("device_id", who.deviceId())
          .bind("account_id", who.accountId())
          .bind("channel", r.channel())
          // Neither the API nor the pages take an expected date, so one given here is the estimate.
          .bind("estimated", r.expectedAt() == null ? 0 : 1)
          .executeAndReturnGeneratedKeys("id")
          .mapTo(Long.class)
          .one();
      insertMedia(h, id, null, r.media());
      if (upstream != null) {
        SqlOutboxStore.enqueue(h, id, upstream, r.requestedAt());
      }
      return new RequestRecord(id, r.jurisdictionId(), r.serviceCode(), r.serviceName(), "open", null,
          r.description(), r.agencyResponsible(), r.serviceNotice(), r.requestedAt(), r.requestedAt(),
          r.expectedAt(), r.address(), r.addressId(), r.zipcode(), r.lat(), r.lon(), r.mediaUrl(), r.token(),
          r.attributes(), who, null, r.channel(), null, null, null, 0);
    }));
  }

  static void insertMedia(Handle h, Long requestId, Long updateId, List<MediaRecord> media) {
    for (MediaRecord m : media) {
      h.createUpdate(INSERT_MEDIA)
          .bind("request", requestId).bind("update", updateId).bind("position", m.position())
          .bind("key", m.mediaKey()).bind("type", m.mediaType()).bind("url", m.url()).bind("thumb", m.thumbKey())
          .execute();
    }
  }

  @Override
  public Optional<RequestRecord> find(String jurisdictionId, long id) {
    return Guard.call("find a request", () -> reads.withHandle(h -> h
        .createQuery("SELECT " + COLUMNS + " FROM service_requests r WHERE r.jurisdiction_id = :j AND r.id = :id")
        .bind("j", jurisdictionId).bind("id", id)
        .map((rs, ctx) -> row(rs))
        .findOne()));
  }

  @Override
  public List<RequestRecord> findAll(String jurisdictionId, List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return Guard.call("find requests", () -> reads.withHandle(h -> h
        .createQuery("SELECT " + COLUMNS + " FROM service_requests r WHERE r.jurisdiction_id = :j"
            + " AND r.id IN (<ids>) ORDER BY r.requested_at DESC, r.id DESC")
        .bind("j", jurisdictionId).bindList("ids", ids)
        .map((rs, ctx) -> row(rs))
        .list()));
  }

  @Override
  public Optional<RequestRecord> findByToken(String jurisdictionId, String token) {
    return Guard.call("find a token", () -> reads.withHandle(h -> h
        .createQuery("SELECT " + COLUMNS + " FROM service_requests r WHERE r.jurisdiction_id = :j AND r.token = :token")
        .bind("j", jurisdictionId).bind("token", token)
        .map((rs, ctx) -> row(rs))
        .findOne()));
  }

  @Override
  public List<RequestRecord> search(RequestQuery q) {
    return Guard.call("search requests", () -> reads.withHandle(h -> bound(h, q, "")
        .map((rs, ctx) -> row(rs)).list()));
  }

  @Override
  public List<PublicRequestRow> searchPublic(RequestQuery q) {
    return Guard.call("search requests", () -> reads.withHandle(h -> publicPage(h, q)));
  }

  private List<PublicRequestRow> publicPage(Handle h, RequestQuery q) {
    String j = q.jurisdictionId();
    return bound(h, q, "", Shape.PUBLIC_PAGE).map((rs, ctx) -> publicRow(rs, j)).list();
  }

  @Override
  public PublicPage pagePublic(RequestQuery q) {
    String j = q.jurisdictionId();
    return Guard.call("search requests", () -> reads.withHandle(h -> {
      String marker = dialect.changeMarker(h);
      List<PublicRequestRow> rows = publicPage(h, q);
      Long next = q.requestedTo() == null ? null : h.createQuery("SELECT MIN(requested_at) FROM service_requests"
              + " WHERE jurisdiction_id = :j AND requested_at > :to")
          .bind("j", j).bind("to", q.requestedTo()).mapTo(Long.class).findOne().orElse(null);
      return new PublicPage(marker, rows, next);
    }));
  }

  @Override
  public PublicPage findPublic(String jurisdictionId, long id) {
    return Guard.call("find a request", () -> reads.withHandle(h -> {
      String marker = dialect.changeMarker(h);
      List<PublicRequestRow> rows = h.createQuery("SELECT " + PUBLIC_COLUMNS + " FROM service_requests r"
              + " WHERE r.jurisdiction_id = :j AND r.id = :id AND r.hidden_at IS NULL")
          .bind("j", jurisdictionId).bind("id", id).map((rs, ctx) -> publicRow(rs, jurisdictionId)).list();
      return new PublicPage(marker, rows, null);
    }));
  }

  @Override
  public String changeMarker() {
    return Guard.call("read the change marker", () -> reads.withHandle(dialect::changeMarker));
  }

  /** Rows a scan asks the database for at a time; PostgreSQL otherwise sends every row at once. */
  private static final int SCAN_FETCH = 500;

  /**
   * How the database runs the statement {@link #search} sends for {@code q}, with the same plan
   * choices and values: the plan (on PostgreSQL with its timings), then, on SQLite, the time of one
   * execution. For benchmarks and for operators looking into a slow search.
   */
  String explain(RequestQuery q) {
    return Guard.call("explain a search", () -> reads.withHandle(h -> {
      StringBuilder out = new StringBuilder();
      out.append("SQL: ").append(sqlOf(h, q)).append('\n');
      boolean sqlite = dialect.name().equals("sqlite");
      Query plan = bound(h, q, sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN (ANALYZE, BUFFERS) ");
      java.util.Map<Integer, Integer> depth = new java.util.HashMap<>();
      plan.map((rs, ctx) -> {
        if (!sqlite) {
          return rs.getString(1);
        }
        int d = depth.getOrDefault(rs.getInt("parent"), -1) + 1;
        depth.put(rs.getInt("id"), d);
        return "  ".repeat(d) + "- " + rs.getString("detail");
      }).forEach(l -> out.append(l).append('\n'));
      if (sqlite) {
        long t0 = System.nanoTime();
        int rows = bound(h, q, "").map((rs, ctx) -> 1).list().size();
        out.append(String.format("executed: %.1f ms, %d rows%n", (System.nanoTime() - t0) / 1e6, rows));
      }
      return out.toString();
    }));
  }

  private String sqlOf(org.jdbi.v3.core.Handle h, RequestQuery q) {
    return sql(q, textSearch(h, q), placeSearch(h, q), Shape.PAGE);
  }

  /**
   * What a statement gives: a page in the query's order, every match by id (all columns, or the
   * public ones), or their number.
   */
  private enum Shape {
    PAGE, PUBLIC_PAGE, SCAN, PUBLIC_SCAN, COUNT;

    boolean pages() {
      return this == PAGE || this == PUBLIC_PAGE;
    }

    boolean scans() {
      return this == SCAN || this == PUBLIC_SCAN;
    }
  }

  @Override
  public Cursor<RequestRecord> scan(RequestQuery q) {
    return scan(q, Shape.SCAN, (rs, ctx) -> row(rs));
  }

  @Override
  public Cursor<PublicRequestRow> scanPublic(RequestQuery q) {
    // Every row is in the query's jurisdiction: not read a million times over.
    String j = q.jurisdictionId();
    return scan(q, Shape.PUBLIC_SCAN, (rs, ctx) -> publicRow(rs, j));
  }

  private <T> Cursor<T> scan(RequestQuery q, Shape shape, org.jdbi.v3.core.mapper.RowMapper<T> mapper) {
    return Guard.call("read requests", () -> {
      Handle h = reads.open();
      try {
        // PostgreSQL sends rows in batches only inside a transaction; otherwise it would send them all at once.
        h.begin();
        Query query = bound(h, q, "", shape);
        query.setFetchSize(SCAN_FETCH);
        return new SqlCursor<>(h, query.map(mapper).iterator(), "read requests");
      } catch (RuntimeException e) {
        SqlCursor.release(h);
        throw e;
      }
    });
  }

  @Override
  public long count(RequestQuery q) {
    return Guard.call("count requests", () -> reads.withHandle(h -> bound(h, q, "", Shape.COUNT)
        .mapTo(Long.class).one()));
  }

  @Override
  public Marker marker(String jurisdictionId) {
    // Each part is one step down an index: the (jurisdiction, updated_at) one and the primary keys.
    return Guard.call("read the change marker", () -> reads.withHandle(h -> h.createQuery("SELECT"
            + " (SELECT MAX(updated_at) FROM service_requests WHERE jurisdiction_id = :j) AS updated_at,"
            + " (SELECT MAX(id) FROM service_requests) AS request_id,"
            + " (SELECT MAX(id) FROM request_updates) AS update_id")
        .bind("j", jurisdictionId)
        .map((rs, ctx) -> new Marker(rs.getLong("updated_at"), rs.getLong("request_id"), rs.getLong("update_id")))
        .one()));
  }

  private Dialect.TextSearch textSearch(org.jdbi.v3.core.Handle h, RequestQuery q, Shape shape) {
    // A scan or a count reads every match, as a page at the very end would.
    long pageEnd = shape.pages() ? (long) q.offset() + q.limit() : Integer.MAX_VALUE;
    return q.words().isEmpty() ? null
        : dialect.textSearch(h, dialect.textParameter(q.words()), q.byRelevance() && shape.pages(), pageEnd);
  }

  private Dialect.TextSearch textSearch(org.jdbi.v3.core.Handle h, RequestQuery q) {
    return textSearch(h, q, Shape.PAGE);
  }

  private Dialect.PlaceSearch placeSearch(org.jdbi.v3.core.Handle h, RequestQuery q) {
    Dialect.Place place = place(q);
    return place == null ? null : dialect.placeSearch(h, place);
  }

  /** The search statement for {@code q}, its plans chosen and its values bound, after {@code prefix}. */
  private Query bound(org.jdbi.v3.core.Handle h, RequestQuery q, String prefix) {
    return bound(h, q, prefix, Shape.PAGE);
  }

  private Query bound(org.jdbi.v3.core.Handle h, RequestQuery q, String prefix, Shape shape) {
    Dialect.TextSearch text = textSearch(h, q, shape);
    Dialect.Place place = place(q);
    Query query = h.createQuery(prefix + sql(q, text, place == null ? null : dialect.placeSearch(h, place), shape))
        .bind("j", q.jurisdictionId());
    if (shape.pages()) {
      query.bind("limit", q.limit()).bind("offset", q.offset());
    }
    bindIfSet(query, "from", q.requestedFrom());
    bindIfSet(query, "to", q.requestedTo());
    bindIfSet(query, "updated_from", q.updatedFrom());
    bindIfSet(query, "updated_to", q.updatedTo());
    if (!q.serviceCodes().isEmpty()) {
      query.bindList("codes", q.serviceCodes());
    }
    if (!q.statuses().isEmpty()) {
      query.bindList("statuses", q.statuses());
    }
    if (!q.agencies().isEmpty()) {
      query.bindList("agencies", q.agencies());
    }
    if (place != null) {
      bindBox(query, place.box());
    }
    if (q.near() != null) {
      RequestQuery.Circle c = q.near();
      query.bind("lat", c.lat()).bind("lon", c.lon()).bind("radius", c.radiusMeters());
    }
    if (text != null) {
      query.bind("text", dialect.textParameter(q.words()));
    }
    RequestQuery.Staff staff = q.staff();
    if (!staff.extendedStatuses().isEmpty()) {
      query.bindList("extended", staff.extendedStatuses());
    }
    if (staff.overdueAt() != null) {
      query.bind("overdue_at", staff.overdueAt());
    }
    return query;
  }

  @Override
  public Support addSupport(String jurisdictionId, long id, long day, String supporter) {
    return Guard.call("count support", () -> writes.inTransaction(h -> {
      h.createUpdate("DELETE FROM request_supporters WHERE day < :yesterday").bind("yesterday", day - 1).execute();
      // The marker goes in only for an open, public request; its key makes a second one from the
      // same supporter and day a no-op on every node.
      int marked = h.createUpdate("INSERT INTO request_supporters (request_id, day, supporter)"
              + " SELECT id, :day, :supporter FROM service_requests"
              + " WHERE jurisdiction_id = :j AND id = :id AND status = 'open' AND hidden_at IS NULL"
              + " ON CONFLICT (request_id, day, supporter) DO NOTHING")
          .bind("j", jurisdictionId).bind("id", id).bind("day", day).bind("supporter", supporter).execute();
      if (marked > 0) {
        h.createUpdate("UPDATE service_requests SET support_count = support_count + 1 WHERE id = :id")
            .bind("id", id).execute();
        return Support.COUNTED;
      }
      boolean open = h.createQuery("SELECT COUNT(*) FROM service_requests"
              + " WHERE jurisdiction_id = :j AND id = :id AND status = 'open' AND hidden_at IS NULL")
          .bind("j", jurisdictionId).bind("id", id).mapTo(Integer.class).one() > 0;
      return open ? Support.ALREADY_COUNTED : Support.NO_SUCH_REQUEST;
    }));
  }

  @Override
  public java.util.Set<Long> expectedEstimated(List<Long> ids) {
    if (ids.isEmpty()) {
      return java.util.Set.of();
    }
    return Guard.call("read expected dates", () -> reads.withHandle(h -> new java.util.HashSet<>(h
        .createQuery("SELECT id FROM service_requests WHERE id IN (<ids>) AND expected_estimated = 1")
        .bindList("ids", ids)
        .mapTo(Long.class)
        .list())));
  }

  @Override
  public java.util.Map<Long, List<Long>> duplicatesOf(List<Long> ids) {
    if (ids.isEmpty()) {
      return java.util.Map.of();
    }
    return Guard.call("find duplicates", () -> reads.withHandle(h -> {
      java.util.Map<Long, List<Long>> out = new java.util.HashMap<>();
      h.createQuery("SELECT id, duplicate_of FROM service_requests WHERE duplicate_of IN (<ids>) ORDER BY id")
          .bindList("ids", ids)
          .map((rs, ctx) -> out.computeIfAbsent(rs.getLong("duplicate_of"), k -> new java.util.ArrayList<>())
              .add(rs.getLong("id")))
          .list();
      return out;
    }));
  }

  /**
   * The place of a query, if any: its box, or the box around its circle, or where both are given
   * the part of the box around the circle inside the other (a request must be in both).
   */
  private static Dialect.Place place(RequestQuery q) {
    if (q.box() == null && q.near() == null) {
      return null;
    }
    RequestQuery.Box box = q.box();
    if (q.near() != null) {
      RequestQuery.Circle c = q.near();
      double dLat = Math.toDegrees(c.radiusMeters() / 6371008.7714);
      double dLon = dLat / Math.max(Math.cos(Math.toRadians(c.lat())), 1e-6);
      RequestQuery.Box around = new RequestQuery.Box(c.lon() - dLon, c.lat() - dLat, c.lon() + dLon, c.lat() + dLat);
      box = box == null ? around : new RequestQuery.Box(Math.max(box.minLon(), around.minLon()),
          Math.max(box.minLat(), around.minLat()), Math.min(box.maxLon(), around.maxLon()),
          Math.min(box.maxLat(), around.maxLat()));
    }
    return new Dialect.Place(box, q.box() != null, q.near() != null, q.requestedFrom(), q.requestedTo());
  }

  private String sql(RequestQuery q, Dialect.TextSearch text, Dialect.PlaceSearch place, Shape shape) {
    // The place index may lead unless the words lead (few matches, or ranked by relevance).
    boolean placeLeads = place != null && place.from() != null
        && (text == null || !text.condition().isEmpty() && !q.byRelevance());
    String from = placeLeads ? place.from() : text == null ? "service_requests r" : text.from();
    if (shape.scans() && from.equals("service_requests r")) {
      from = dialect.scanFrom();
    }
    String what = switch (shape) {
      case COUNT -> "COUNT(*)";
      case PUBLIC_SCAN, PUBLIC_PAGE -> PUBLIC_COLUMNS;
      case PAGE, SCAN -> COLUMNS;
    };
    StringBuilder sql = new StringBuilder("SELECT ").append(what).append(" FROM ").append(from);
    sql.append(" WHERE r.jurisdiction_id = :j");
    if (q.requestedFrom() != null) {
      sql.append(" AND r.requested_at >= :from");
    }
    if (q.requestedTo() != null) {
      sql.append(" AND r.requested_at <= :to");
    }
    if (q.updatedFrom() != null) {
      sql.append(" AND r.updated_at >= :updated_from");
    }
    if (q.updatedTo() != null) {
      sql.append(" AND r.updated_at <= :updated_to");
    }
    if (!q.serviceCodes().isEmpty()) {
      sql.append(" AND r.service_code IN (<codes>)");
    }
    if (!q.statuses().isEmpty()) {
      sql.append(" AND r.status IN (<statuses>)");
    }
    if (!q.agencies().isEmpty()) {
      sql.append(" AND r.agency_responsible IN (<agencies>)");
    }
    if (place != null) {
      if (!placeLeads && !place.indexed().isEmpty()) {
        sql.append(" AND ").append(place.indexed());
      }
      sql.append(" AND ").append(place.condition());
    }
    if (text != null && !text.condition().isEmpty()) {
      sql.append(" AND ").append(text.condition());
    }
    RequestQuery.Staff staff = q.staff();
    if (!staff.includeHidden()) {
      sql.append(" AND r.hidden_at IS NULL");
    }
    if (!staff.extendedStatuses().isEmpty()) {
      sql.append(" AND r.extended_status IN (<extended>)");
    }
    if (staff.overdueAt() != null) {
      sql.append(" AND r.status = 'open' AND r.expected_at < :overdue_at");
    }
    if (staff.order() == RequestQuery.Order.EXPECTED) {
      // Only requests with an expected time have a place in this order; leaving the others out
      // lets the index on (jurisdiction, expected_at, id) give the page without sorting.
      sql.append(" AND r.expected_at IS NOT NULL");
    }
    if (shape == Shape.COUNT) {
      return sql.toString();
    }
    if (shape.scans()) {
      return sql.append(" ORDER BY r.id").toString();
    }
    sql.append(" ORDER BY ");
    if (text != null && q.byRelevance() && text.relevance() != null) {
      sql.append(text.relevance()).append(", ");
    }
    // Each order matches an index on (jurisdiction_id, <column>, requested_at DESC, id DESC).
    sql.append(switch (staff.order()) {
      case NEWEST -> placeLeads && place.newest() != null ? place.newest() : "r.requested_at DESC, r.id DESC";
      case OLDEST -> "r.requested_at, r.id";
      case UPDATED -> "r.updated_at DESC, r.id DESC";
      case SERVICE -> "r.service_code, r.requested_at DESC, r.id DESC";
      case STATUS -> "r.status, r.requested_at DESC, r.id DESC";
      case EXPECTED -> "r.expected_at, r.id";
    });
    return sql.append(" LIMIT :limit OFFSET :offset").toString();
  }

  private static void bindIfSet(Query query, String name, Long value) {
    if (value != null) {
      query.bind(name, value);
    }
  }

  private static void bindBox(Query query, RequestQuery.Box b) {
    query.bind("min_lon", b.minLon()).bind("min_lat", b.minLat()).bind("max_lon", b.maxLon())
        .bind("max_lat", b.maxLat());
  }

  static RequestRecord row(ResultSet rs) throws SQLException {
    return new RequestRecord(
        rs.getLong("id"),
        rs.getString("jurisdiction_id"),
        rs.getString("service_code"),
        rs.getString("service_name"),
        rs.getString("status"),
        rs.getString("status_notes"),
        rs.getString("description"),
        rs.getString("agency_responsible"),
        rs.getString("service_notice"),
        rs.getLong("requested_at"),
        rs.getLong("updated_at"),
        Columns.nullableLong(rs, "expected_at"),
        rs.getString("address"),
        rs.getString("address_id"),
        rs.getString("zipcode"),
        Columns.nullableDouble(rs, "lat"),
        Columns.nullableDouble(rs, "lon"),
        rs.getString("media_url"),
        rs.getString("token"),
        Json.answers(rs.getString("attributes")),
        new org.civic311.server.storage.NewRequest.Reporter(
            rs.getString("email"),
            rs.getString("phone"),
            rs.getString("first_name"),
            rs.getString("last_name"),
            rs.getString("device_id"),
            rs.getString("account_id")),
        rs.getString("extended_status"),
        rs.getString("channel"),
        Columns.nullableLong(rs, "parent_request_id"),
        Columns.nullableLong(rs, "duplicate_of"),
        rs.getString("hidden_reason"),
        rs.getInt("support_count"));
  }

  /** A row of {@link #PUBLIC_COLUMNS}, read by position: a bulk download reads millions. */
  private static PublicRequestRow publicRow(ResultSet rs, String jurisdictionId) throws SQLException {
    return new PublicRequestRow(
        rs.getLong(1),
        jurisdictionId,
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        rs.getLong(10),
        rs.getLong(11),
        Columns.nullableLong(rs, 12),
        Columns.nullableLong(rs, 13),
        rs.getString(14),
        rs.getString(15),
        rs.getString(16),
        Columns.nullableDouble(rs, 17),
        Columns.nullableDouble(rs, 18),
        rs.getString(19),
        rs.getInt(20),
        rs.getString(21),
        Columns.nullableLong(rs, 22));
  }
}
