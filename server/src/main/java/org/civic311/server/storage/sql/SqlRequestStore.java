package org.civic311.server.storage.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.civic311.server.storage.NewRequest;
import org.civic311.server.storage.RequestQuery;
import org.civic311.server.storage.RequestRecord;
import org.civic311.server.storage.RequestStore;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

final class SqlRequestStore implements RequestStore {
  private static final String INSERT = "INSERT INTO service_requests (jurisdiction_id, service_code, service_name,"
      + " status, description, agency_responsible, service_notice, requested_at, updated_at, expected_at, address,"
      + " address_id, zipcode, lat, lon, media_url, token, attributes, api_key_id, email, phone, first_name,"
      + " last_name, device_id, account_id)"
      + " VALUES (:j, :code, :name, 'open', :description, :agency, :notice, :at, :at, :expected, :address,"
      + " :address_id, :zipcode, :lat, :lon, :media_url, :token, :attributes, :key, :email, :phone, :first_name,"
      + " :last_name, :device_id, :account_id)";
  private final Jdbi reads;
  private final Jdbi writes;

  SqlRequestStore(Jdbi reads, Jdbi writes) {
    this.reads = reads;
    this.writes = writes;
  }

  @Override
  public RequestRecord insert(NewRequest r) {
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
          .executeAndReturnGeneratedKeys("id")
          .mapTo(Long.class)
          .one();
      if (r.apiKeyId() != null) {
        h.createUpdate("UPDATE api_keys SET last_used_at = :at, request_count = request_count + 1 WHERE id = :id")
            .bind("at", r.requestedAt()).bind("id", r.apiKeyId()).execute();
      }
      return new RequestRecord(id, r.jurisdictionId(), r.serviceCode(), r.serviceName(), "open", null,
          r.description(), r.agencyResponsible(), r.serviceNotice(), r.requestedAt(), r.requestedAt(),
          r.expectedAt(), r.address(), r.addressId(), r.zipcode(), r.lat(), r.lon(), r.mediaUrl(), r.token(),
          r.attributes(), who);
    }));
  }

  @Override
  public Optional<RequestRecord> find(String jurisdictionId, long id) {
    return Guard.call("find a request", () -> reads.withHandle(h -> h
        .createQuery("SELECT * FROM service_requests WHERE jurisdiction_id = :j AND id = :id")
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
        .createQuery("SELECT * FROM service_requests WHERE jurisdiction_id = :j AND id IN (<ids>)"
            + " ORDER BY requested_at DESC, id DESC")
        .bind("j", jurisdictionId).bindList("ids", ids)
        .map((rs, ctx) -> row(rs))
        .list()));
  }

  @Override
  public Optional<RequestRecord> findByToken(String jurisdictionId, String token) {
    return Guard.call("find a token", () -> reads.withHandle(h -> h
        .createQuery("SELECT * FROM service_requests WHERE jurisdiction_id = :j AND token = :token")
        .bind("j", jurisdictionId).bind("token", token)
        .map((rs, ctx) -> row(rs))
        .findOne()));
  }

  @Override
  public List<RequestRecord> search(RequestQuery q) {
    StringBuilder sql = new StringBuilder("SELECT * FROM service_requests WHERE jurisdiction_id = :j"
        + " AND requested_at >= :from AND requested_at <= :to");
    if (!q.serviceCodes().isEmpty()) {
      sql.append(" AND service_code IN (<codes>)");
    }
    if (!q.statuses().isEmpty()) {
      sql.append(" AND status IN (<statuses>)");
    }
    sql.append(" ORDER BY requested_at DESC, id DESC LIMIT :limit");
    return Guard.call("search requests", () -> reads.withHandle(h -> {
      Query query = h.createQuery(sql.toString())
          .bind("j", q.jurisdictionId())
          .bind("from", q.requestedFrom())
          .bind("to", q.requestedTo())
          .bind("limit", q.limit());
      if (!q.serviceCodes().isEmpty()) {
        query.bindList("codes", q.serviceCodes());
      }
      if (!q.statuses().isEmpty()) {
        query.bindList("statuses", q.statuses());
      }
      return query.map((rs, ctx) -> row(rs)).list();
    }));
  }

  private static RequestRecord row(ResultSet rs) throws SQLException {
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
            rs.getString("account_id")));
  }
}
