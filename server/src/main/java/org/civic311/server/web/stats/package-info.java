/**
 * Statistics over HTTP: the numbers at {@code /data/stats.json} and {@code /data/stats.csv}, the
 * residents' dashboard at {@code /stats} and the staff's at {@code /staff/stats}.
 */
package org.civic311.server.web.stats;
