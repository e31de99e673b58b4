/**
 * Statistics: counts, close times and places of requests, read from the rollups the database
 * keeps as requests are written, and the expected close dates learned from them. Nothing here
 * names a reporter.
 */
package org.civic311.server.domain.stats;
