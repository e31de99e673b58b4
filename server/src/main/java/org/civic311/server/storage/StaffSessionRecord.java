package org.civic311.server.storage;

/** A signed-in staff session, found by the hash of its cookie value. */
public record StaffSessionRecord(String tokenHash, long userId, String csrfToken, long createdAt, long expiresAt) {}
