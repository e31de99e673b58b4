package org.civic311.server.storage;

/** A note staff keep on a request; never part of any public answer. */
public record InternalNoteRecord(long id, long requestId, long userId, String author, String body, long createdAt) {}
