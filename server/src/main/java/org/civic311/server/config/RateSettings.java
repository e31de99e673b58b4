package org.civic311.server.config;

/**
 * One rate limit as the file gives it: {@code perMinute} writes a minute on average, and at most
 * {@code burst} at once. A value left out takes the default of the limit it belongs to.
 */
public record RateSettings(Integer perMinute, Integer burst) {}
