package org.civic311.server.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import java.util.Properties;
import org.civic311.server.domain.citizen.Mail;
import org.civic311.server.domain.citizen.Mailer;

/**
 * Sends mail through an SMTP server (Angus Mail), one connection per mail: status mails are few,
 * and a fresh connection needs no keep-alive handling. Timeouts keep a dead server from holding
 * the notifier. Thread-safe.
 */
public final class SmtpMailer implements Mailer {
  static final int CONNECT_TIMEOUT_MS = 10_000;
  static final int IO_TIMEOUT_MS = 30_000;

  private final InternetAddress from;
  private final Session session;
  private final String username;
  private final String password;
  private final String server;

  /**
   * @param from     the sender, {@code address} or {@code Name <address>}
   * @param username null for no authentication
   * @param starttls whether to require the upgrade to TLS (with the server's name checked)
   */
  public SmtpMailer(String from, String host, int port, String username, String password, boolean starttls) {
    this.from = Rfc822.sender(from);
    this.username = username;
    this.password = password;
    this.server = host + ":" + port;
    Properties p = Rfc822.properties(this.from);
    p.setProperty("mail.smtp.host", host);
    p.setProperty("mail.smtp.port", Integer.toString(port));
    p.setProperty("mail.smtp.auth", Boolean.toString(username != null));
    p.setProperty("mail.smtp.starttls.enable", Boolean.toString(starttls));
    p.setProperty("mail.smtp.starttls.required", Boolean.toString(starttls));
    p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
    p.setProperty("mail.smtp.connectiontimeout", Integer.toString(CONNECT_TIMEOUT_MS));
    p.setProperty("mail.smtp.timeout", Integer.toString(IO_TIMEOUT_MS));
    p.setProperty("mail.smtp.writetimeout", Integer.toString(IO_TIMEOUT_MS));
    this.session = Session.getInstance(p);
  }

  @Override
  public void send(Mail mail) {
    try {
      var message = Rfc822.message(session, from, mail, false);
      if (username == null) {
        Transport.send(message);
      } else {
        Transport.send(message, username, password);
      }
    } catch (AddressException e) {
      throw new MailFailure("not a mail address: " + e.getMessage(), e, true);
    } catch (SendFailedException e) {
      // The server refused the address itself (a 5xx answer to RCPT): retrying will not help.
      boolean refused = e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
      throw new MailFailure("SMTP server " + server + " did not take a mail: " + e.getMessage(), e, refused);
    } catch (MessagingException e) {
      throw new MailFailure("SMTP server " + server + " did not take a mail: " + e.getMessage(), e, false);
    }
  }
}
