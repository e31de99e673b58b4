/**
 * Live events: the public reading of the event log that the database writes with every public
 * change. {@link org.civic311.server.domain.live.EventHub} follows the log on each node and hands
 * each new event, made public once ({@link org.civic311.server.domain.live.EventPublisher}), to
 * the streams listening; {@link org.civic311.server.domain.live.EventFilter} is the API's filters
 * applied to one event. Webhooks and area alerts read the same log from their own cursors.
 */
package org.civic311.server.domain.live;
