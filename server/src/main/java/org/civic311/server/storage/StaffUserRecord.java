package org.civic311.server.storage;

import java.util.List;

/** A staff account as stored. The password is only ever held as its Argon2id hash. */
public record StaffUserRecord(
    long id,
    String username,
    String displayName,
    String passwordHash,
    String role,
    boolean active,
    long createdAt,
    int failedLogins,
    Long lockedUntil,
    List<StaffGrant> grants) {

  public StaffUserRecord {
    grants = List.copyOf(grants);
  }
}
