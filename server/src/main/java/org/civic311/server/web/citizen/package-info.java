/**
 * The public pages: report a problem (choose a service, say where, answer its questions, add
 * photos), see nearby reports first and say "me too", follow a request to its fix, browse recent
 * requests, unsubscribe from mails. Server-rendered (templates in {@code src/main/jte/citizen}),
 * in English and Spanish; a small script adds the map, location, photo resizing and the service
 * search, and every page works without it.
 */
package org.civic311.server.web.citizen;
