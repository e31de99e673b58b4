/**
 * The feeds over HTTP: {@code /feeds/requests.atom|rss} and {@code /feeds/requests/{id}.atom|rss},
 * written with the JDK's XML streaming, with errors as GeoReport error documents.
 */
package org.civic311.server.web.feeds;
