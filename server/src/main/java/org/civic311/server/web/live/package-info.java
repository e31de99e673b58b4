/**
 * Live events over HTTP: the Server-Sent Events stream of the log ({@code GET <base>/events}),
 * with the API's filters and errors, and the webhooks' API. Streams hold no thread while they
 * wait: events reach them through {@link org.civic311.server.web.Answer.Live}.
 */
package org.civic311.server.web.live;
