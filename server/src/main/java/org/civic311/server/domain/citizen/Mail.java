package org.civic311.server.domain.citizen;

/**
 * One plain-text mail to one person.
 *
 * @param to             the recipient's address, already validated
 * @param subject        one line
 * @param text           the body, lines separated by {@code \n}
 * @param unsubscribeUrl the link that stops these mails, also sent as a {@code List-Unsubscribe}
 *                       header (RFC 2369) so mail programs can offer it; may be null
 */
public record Mail(String to, String subject, String text, String unsubscribeUrl) {}
