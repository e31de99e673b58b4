package org.civic311.georeport;

/**
 * One entry of an error document. {@code code} is usually the HTTP status; {@code description}
 * is meant for people and names the parameter at fault.
 */
public record GeoReportError(int code, String description) {}
