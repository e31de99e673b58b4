package org.civic311.server.storage;

/** A filter on the audit log; null fields mean "any". Newest entries first. */
public record AuditQuery(String username, String action, String targetType, String targetId, Long from, Long to,
    int offset, int limit) {}
