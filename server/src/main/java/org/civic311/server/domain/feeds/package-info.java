/**
 * Feeds: the newest public requests of a jurisdiction and the public history of one request, as
 * lists of entries any feed format can carry. Everything comes through the public API's
 * chokepoints ({@link org.civic311.server.domain.RequestSearch}), so a feed shows exactly what
 * the API shows.
 */
package org.civic311.server.domain.feeds;
