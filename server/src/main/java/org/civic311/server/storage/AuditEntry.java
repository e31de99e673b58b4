package org.civic311.server.storage;

/**
 * One staff action: who did what to which thing, when, and the thing's state before and after
 * (JSON, either may be null). {@code id} is 0 until stored.
 */
public record AuditEntry(
    long id,
    long at,
    Long userId,
    String username,
    String action,
    String targetType,
    String targetId,
    String jurisdictionId,
    String beforeJson,
    String afterJson,
    String client) {}
