package org.civic311.server.domain.opendata;

/**
 * The terms a jurisdiction publishes its data under: the licence (its URL and short name), the
 * publisher's name and where to write about the data (null when the configuration gives no email
 * address). Made from the configuration's {@code open_data:}, with its defaults filled in.
 */
public record Terms(String licence, String licenceName, String publisher, String contactEmail) {}
