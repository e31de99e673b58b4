package org.civic311.server.storage.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civic311.server.storage.StaffGrant;
import org.civic311.server.storage.StaffSessionRecord;
import org.civic311.server.storage.StaffStore;
import org.civic311.server.storage.StaffUserRecord;
import org.jdbi.v3.core.Handle;

final class SqlStaffStore implements StaffStore {
  private static final String USER_COLUMNS = "id, username, display_name, password_hash, role, active, created_at,"
      + " failed_logins, locked_until";
  private final Reader reads;
  private final Writer writes;

  SqlStaffStore(Reader reads, Writer writes) {
    this.reads = reads;
    this.writes = writes;
  }

  @Override
  public Optional<StaffUserRecord> insertUser(String username, String displayName, String passwordHash, String role,
      List<StaffGrant> grants, long now) {
    return Guard.call("store a staff account", () -> writes.inTransaction(h -> {
      boolean taken = h.createQuery("SELECT 1 FROM staff_users WHERE username = :u").bind("u", username)
          .mapTo(Integer.class).findOne().isPresent();
      if (taken) {
        return Optional.<StaffUserRecord>empty();
      }
      long id = h.createUpdate("INSERT INTO staff_users (username, display_name, password_hash, role, active,"
              + " created_at) VALUES (:u, :name, :hash, :role, 1, :now)")
          .bind("u", username).bind("name", displayName).bind("hash", passwordHash).bind("role", role)
          .bind("now", now)
          .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
      insertGrants(h, id, grants);
      return Optional.of(new StaffUserRecord(id, username, displayName, passwordHash, role, true, now, 0, null,
          grants));
    }));
  }

  private static void insertGrants(Handle h, long userId, List<StaffGrant> grants) {
    for (StaffGrant g : grants) {
      h.createUpdate("INSERT INTO staff_grants (user_id, jurisdiction_id, agency) VALUES (:u, :j, :a)")
          .bind("u", userId).bind("j", g.jurisdictionId()).bind("a", g.agency()).execute();
    }
  }

  @Override
  public Optional<StaffUserRecord> findUser(String username) {
    return Guard.call("find a staff account", () -> reads.withHandle(h -> withGrants(h, h
        .createQuery("SELECT " + USER_COLUMNS + " FROM staff_users WHERE username = :u").bind("u", username)
        .map((rs, ctx) -> user(rs)).list())).stream().findFirst());
  }

  @Override
  public Optional<StaffUserRecord> findUser(long id) {
    return Guard.call("find a staff account", () -> reads.withHandle(h -> withGrants(h, h
        .createQuery("SELECT " + USER_COLUMNS + " FROM staff_users WHERE id = :id").bind("id", id)
        .map((rs, ctx) -> user(rs)).list())).stream().findFirst());
  }

  @Override
  public List<StaffUserRecord> users() {
    return Guard.call("list staff accounts", () -> reads.withHandle(h -> withGrants(h, h
        .createQuery("SELECT " + USER_COLUMNS + " FROM staff_users ORDER BY username")
        .map((rs, ctx) -> user(rs)).list())));
  }

  private static List<StaffUserRecord> withGrants(Handle h, List<StaffUserRecord> users) {
    if (users.isEmpty()) {
      return users;
    }
    Map<Long, List<StaffGrant>> grants = new HashMap<>();
    h.createQuery("SELECT user_id, jurisdiction_id, agency FROM staff_grants WHERE user_id IN (<ids>)"
            + " ORDER BY jurisdiction_id, agency")
        .bindList("ids", users.stream().map(StaffUserRecord::id).toList())
        .map((rs, ctx) -> grants.computeIfAbsent(rs.getLong("user_id"), k -> new ArrayList<>())
            .add(new StaffGrant(rs.getString("jurisdiction_id"), rs.getString("agency"))))
        .list();
    List<StaffUserRecord> out = new ArrayList<>(users.size());
    for (StaffUserRecord u : users) {
      out.add(new StaffUserRecord(u.id(), u.username(), u.displayName(), u.passwordHash(), u.role(), u.active(),
          u.createdAt(), u.failedLogins(), u.lockedUntil(), grants.getOrDefault(u.id(), List.of())));
    }
    return out;
  }

  private static StaffUserRecord user(ResultSet rs) throws SQLException {
    return new StaffUserRecord(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
        rs.getString("password_hash"), rs.getString("role"), rs.getInt("active") != 0, rs.getLong("created_at"),
        rs.getInt("failed_logins"), Columns.nullableLong(rs, "locked_until"), List.of());
  }

  @Override
  public void updateUser(long id, String displayName, String role, boolean active, List<StaffGrant> grants) {
    Guard.call("change a staff account", () -> writes.inTransaction(h -> {
      h.createUpdate("UPDATE staff_users SET display_name = :name, role = :role, active = :active WHERE id = :id")
          .bind("name", displayName).bind("role", role).bind("active", active ? 1 : 0).bind("id", id).execute();
      h.createUpdate("DELETE FROM staff_grants WHERE user_id = :id").bind("id", id).execute();
      insertGrants(h, id, grants);
      return null;
    }));
  }

  @Override
  public void setPassword(long id, String passwordHash) {
    Guard.call("change a password", () -> writes.inTransaction(h -> h
        .createUpdate("UPDATE staff_users SET password_hash = :hash, failed_logins = 0, locked_until = NULL"
            + " WHERE id = :id")
        .bind("hash", passwordHash).bind("id", id).execute()));
  }

  @Override
  public void recordFailedLogin(long id, int failures, Long lockedUntil) {
    Guard.call("record a login", () -> writes.inTransaction(h -> h
        .createUpdate("UPDATE staff_users SET failed_logins = :n, locked_until = :until WHERE id = :id")
        .bind("n", failures).bind("until", lockedUntil).bind("id", id).execute()));
  }

  @Override
  public void recordGoodLogin(long id) {
    Guard.call("record a login", () -> writes.inTransaction(h -> h
        .createUpdate("UPDATE staff_users SET failed_logins = 0, locked_until = NULL WHERE id = :id AND"
            + " (failed_logins <> 0 OR locked_until IS NOT NULL)")
        .bind("id", id).execute()));
  }

  @Override
  public void insertSession(StaffSessionRecord s) {
    Guard.call("start a session", () -> writes.inTransaction(h -> h
        .createUpdate("INSERT INTO staff_sessions (token_hash, user_id, csrf_token, created_at, expires_at)"
            + " VALUES (:t, :u, :csrf, :created, :expires)")
        .bind("t", s.tokenHash()).bind("u", s.userId()).bind("csrf", s.csrfToken()).bind("created", s.createdAt())
        .bind("expires", s.expiresAt()).execute()));
  }

  @Override
  public Optional<StaffSessionRecord> findSession(String tokenHash, long now) {
    return Guard.call("find a session", () -> reads.withHandle(h -> h
        .createQuery("SELECT token_hash, user_id, csrf_token, created_at, expires_at FROM staff_sessions"
            + " WHERE token_hash = :t AND expires_at > :now")
        .bind("t", tokenHash).bind("now", now)
        .map((rs, ctx) -> new StaffSessionRecord(rs.getString("token_hash"), rs.getLong("user_id"),
            rs.getString("csrf_token"), rs.getLong("created_at"), rs.getLong("expires_at")))
        .findOne()));
  }

  @Override
  public void deleteSession(String tokenHash) {
    Guard.call("end a session", () -> writes.inTransaction(h -> h
        .createUpdate("DELETE FROM staff_sessions WHERE token_hash = :t").bind("t", tokenHash).execute()));
  }

  @Override
  public void deleteSessionsOf(long userId) {
    Guard.call("end sessions", () -> writes.inTransaction(h -> h
        .createUpdate("DELETE FROM staff_sessions WHERE user_id = :u").bind("u", userId).execute()));
  }

  @Override
  public int deleteExpiredSessions(long now) {
    return Guard.call("end old sessions", () -> writes.inTransaction(h -> h
        .createUpdate("DELETE FROM staff_sessions WHERE expires_at <= :now").bind("now", now).execute()));
  }
}
