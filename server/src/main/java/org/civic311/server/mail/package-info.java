/**
 * How mail leaves the server: to an SMTP server, or as files in an outbox folder when there is
 * none. Implements the domain's {@link org.civic311.server.domain.citizen.Mailer}; chosen by the
 * app from the {@code mail} settings.
 */
package org.civic311.server.mail;
