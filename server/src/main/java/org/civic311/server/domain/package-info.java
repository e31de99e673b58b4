/**
 * The rules of the city's 311 service, independent of HTTP: which jurisdiction a call is for,
 * whose key it carries, whether a report is acceptable, and what the public may see of it.
 * Depends on {@code storage} for persistence and on the protocol library for its nouns.
 */
package org.civic311.server.domain;
