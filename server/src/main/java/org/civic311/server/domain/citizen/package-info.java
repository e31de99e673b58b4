/**
 * What residents do through the public pages, beyond the GeoReport API: reports checked field by
 * field, nearby requests and "me too" ({@link org.civic311.server.domain.citizen.Reporting}),
 * following a request by mail and stopping it
 * ({@link org.civic311.server.domain.citizen.Followers}), and the status mails followers get
 * ({@link org.civic311.server.domain.citizen.StatusNotifier}). Knows nothing of HTTP or of how
 * mail leaves the server: a {@link org.civic311.server.domain.citizen.Mailer} is plugged in by
 * the app.
 */
package org.civic311.server.domain.citizen;
