package org.civic311.server.domain.opendata;

/**
 * The terms a jurisdiction publishes its data under: the licence (its URL and short name) and the
 * publisher's name. Made from the configuration's {@code open_data:}, with its defaults filled in.
 */
public record Terms(String licence, String licenceName, String publisher) {}
