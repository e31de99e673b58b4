package org.civic311.server.storage;

/** A jurisdiction as stored; {@code changeset} is the epoch ms of its last catalogue change. */
public record JurisdictionRecord(String id, String name, String timeZone, long changeset) {}
