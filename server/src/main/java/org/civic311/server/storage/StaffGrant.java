package org.civic311.server.storage;

/** What an agent may work: one jurisdiction, and in it one agency, or every agency when null. */
public record StaffGrant(String jurisdictionId, String agency) {}
