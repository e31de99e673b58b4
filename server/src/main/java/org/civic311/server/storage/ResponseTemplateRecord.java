package org.civic311.server.storage;

/** A prepared public note for a service (or every service when {@code serviceCode} is null). */
public record ResponseTemplateRecord(long id, String jurisdictionId, String serviceCode, String title, String body,
    String status) {}
