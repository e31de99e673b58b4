package org.civic311.server.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import org.civic311.server.domain.citizen.Mail;
import org.civic311.server.domain.citizen.Mailer;

/**
 * Writes each mail as an {@code .eml} file (RFC 822, UTF-8) into a folder instead of sending it,
 * so mail can be tried, and tested, without a mail server. Names start with the UTC time, so a
 * listing is in order of writing, and end with a random part, so nodes sharing the folder never
 * collide. A file appears whole or not at all. Thread-safe.
 */
public final class OutboxMailer implements Mailer {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path folder;
  private final InternetAddress from;
  private final Session session;
  private final Clock clock;

  /** @param from the sender, {@code address} or {@code Name <address>} */
  public OutboxMailer(Path folder, String from, Clock clock) {
    this.folder = folder.toAbsolutePath().normalize();
    this.from = Rfc822.sender(from);
    this.session = Session.getInstance(Rfc822.properties(this.from));
    this.clock = clock;
  }

  public Path folder() {
    return folder;
  }

  @Override
  public void send(Mail mail) {
    byte[] random = new byte[4];
    RANDOM.nextBytes(random);
    String name = STAMP.format(clock.instant()) + "-" + HexFormat.of().formatHex(random) + ".eml";
    Path temporary = null;
    try {
      Files.createDirectories(folder);
      temporary = Files.createTempFile(folder, ".writing-", ".tmp");
      try (OutputStream out = Files.newOutputStream(temporary)) {
        Rfc822.message(session, from, mail, true).writeTo(out);
      }
      Files.move(temporary, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    } catch (AddressException e) {
      throw new MailFailure("not a mail address: " + e.getMessage(), e, true);
    } catch (IOException | MessagingException e) {
      throw new MailFailure("cannot write a mail to " + folder + ": " + e.getMessage(), e, false);
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException e) {
          // Left behind with a name no reader takes for a mail.
        }
      }
    }
  }
}
