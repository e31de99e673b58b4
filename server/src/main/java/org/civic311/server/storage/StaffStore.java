package org.civic311.server.storage;

import java.util.List;
import java.util.Optional;

/** Staff accounts, what each may work, and their sessions. */
public interface StaffStore {

  /** Stores a new account; empty when the username is taken. */
  Optional<StaffUserRecord> insertUser(String username, String displayName, String passwordHash, String role,
      List<StaffGrant> grants, long now);

  Optional<StaffUserRecord> findUser(String username);

  Optional<StaffUserRecord> findUser(long id);

  /** Every account, by username. */
  List<StaffUserRecord> users();

  /** Replaces the role, active flag and grants of an account. */
  void updateUser(long id, String displayName, String role, boolean active, List<StaffGrant> grants);

  void setPassword(long id, String passwordHash);

  /** Records a failed login: the new count of consecutive failures and the lock, if any. */
  void recordFailedLogin(long id, int failures, Long lockedUntil);

  /** Clears the failure count after a successful login. */
  void recordGoodLogin(long id);

  void insertSession(StaffSessionRecord session);

  /** The session with this token hash that has not expired at {@code now}. */
  Optional<StaffSessionRecord> findSession(String tokenHash, long now);

  void deleteSession(String tokenHash);

  /** Ends every session of an account (deactivated, password changed). */
  void deleteSessionsOf(long userId);

  /** Removes sessions that expired before {@code now}; returns how many. */
  int deleteExpiredSessions(long now);
}
