package org.civic311.server.domain.citizen;

/**
 * Sends mails: to an SMTP server, or to files in a folder. Implementations are thread-safe.
 */
public interface Mailer {

  /**
   * Sends one mail; returns once it is handed over (written, or accepted by the server).
   *
   * @throws MailFailure when it could not be
   */
  void send(Mail mail);

  /**
   * A mail could not be sent or written. A permanent failure concerns this mail only (the server
   * refuses its address), so the next mails may still go; any other is worth trying again later.
   */
  final class MailFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean permanent;

    public MailFailure(String message, Throwable cause, boolean permanent) {
      super(message, cause);
      this.permanent = permanent;
    }

    public boolean permanent() {
      return permanent;
    }
  }
}
