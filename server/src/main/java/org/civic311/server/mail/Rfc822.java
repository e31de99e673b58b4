package org.civic311.server.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import org.civic311.server.domain.citizen.Mail;

/** Turns a {@link Mail} into an RFC 822 message: plain text in UTF-8, headers encoded as needed. */
final class Rfc822 {
  private Rfc822() {}

  static InternetAddress sender(String from) {
    try {
      return new InternetAddress(from, true);
    } catch (AddressException e) {
      throw new IllegalArgumentException("'" + from + "' is not a mail address: " + e.getMessage(), e);
    }
  }

  /**
   * A session that needs no network to build a message: {@code mail.from} gives the domain of
   * the Message-ID, which otherwise comes from a look-up of the local host name.
   */
  static Properties properties(InternetAddress from) {
    Properties p = new Properties();
    p.setProperty("mail.from", from.getAddress());
    return p;
  }

  /**
   * @param eightBit write the UTF-8 body as is ({@code 8bit}) rather than quoted-printable; for
   *                 files people read, not for servers that may not take 8-bit mail
   */
  static MimeMessage message(Session session, InternetAddress from, Mail mail, boolean eightBit)
      throws MessagingException {
    MimeMessage m = new MimeMessage(session);
    m.setFrom(from);
    m.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.to(), true));
    m.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
    m.setSentDate(new Date());
    m.setText(mail.text(), StandardCharsets.UTF_8.name());
    // Automatic mail: auto-responders must not answer it (RFC 3834).
    m.setHeader("Auto-Submitted", "auto-generated");
    if (mail.unsubscribeUrl() != null) {
      m.setHeader("List-Unsubscribe", "<" + mail.unsubscribeUrl() + ">");
    }
    if (eightBit) {
      m.setHeader("Content-Transfer-Encoding", "8bit");
    }
    m.saveChanges();
    return m;
  }
}
