package org.civic311.server.config;

/**
 * The mails sent to people who follow a request. Without {@code smtpHost} nothing is sent: each
 * mail is written to the outbox folder as an {@code .eml} file, so the feature can be tried with
 * no mail server.
 *
 * @param from          the sender, {@code address} or {@code Name <address>}; required with an
 *                      SMTP host (a relay rejects made-up senders), else {@value #DEFAULT_FROM}
 * @param outbox        where mails are written without an SMTP host (default {@code outbox})
 * @param smtpHost      the mail server; none (the default) means the outbox
 * @param smtpPort      default 587, the submission port
 * @param smtpUsername  none (the default) means no authentication
 * @param smtpPassword  see {@code smtpUsername}
 * @param smtpStarttls  whether the connection must be upgraded to TLS (default true)
 * @param pollSeconds   how often a node looks for status changes to mail about (default 10)
 * @param publicUrl     the root of the links in the mails; default {@code server.public_url}, else
 *                      {@code http://localhost:<port>}
 */
public record MailSettings(
    String from,
    String outbox,
    String smtpHost,
    Integer smtpPort,
    String smtpUsername,
    String smtpPassword,
    Boolean smtpStarttls,
    Integer pollSeconds,
    String publicUrl) {

  public static final String DEFAULT_FROM = "civic311@localhost";

  public MailSettings {
    smtpHost = smtpHost == null || smtpHost.isBlank() ? null : smtpHost.trim();
    from = from == null || from.isBlank() ? (smtpHost == null ? DEFAULT_FROM : null) : from.trim();
    outbox = outbox == null || outbox.isBlank() ? "outbox" : outbox;
    smtpPort = smtpPort == null ? 587 : smtpPort;
    smtpUsername = smtpUsername == null || smtpUsername.isBlank() ? null : smtpUsername;
    smtpStarttls = smtpStarttls == null || smtpStarttls;
    pollSeconds = pollSeconds == null ? 10 : pollSeconds;
    publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.trim();
  }

  /** The settings of a file with no {@code mail} section. */
  public static MailSettings defaults() {
    return new MailSettings(null, null, null, null, null, null, null, null, null);
  }

  /** True when mails go to an SMTP server rather than the outbox folder. */
  public boolean smtp() {
    return smtpHost != null;
  }

  /**
   * The root of the links in the mails, without a trailing slash.
   *
   * @param port the port the server really listens on, for the last fallback
   */
  public String linkBase(ServerSettings server, int port) {
    String base = publicUrl != null ? publicUrl
        : server.publicUrl() != null ? server.publicUrl() : "http://localhost:" + port;
    return base.replaceAll("/+$", "");
  }

  @Override
  public String toString() {
    return "MailSettings[from=" + from + ", outbox=" + outbox + ", smtpHost=" + smtpHost + ", smtpPort=" + smtpPort
        + ", smtpUsername=" + smtpUsername + ", smtpPassword=" + (smtpPassword == null ? "none" : "***")
        + ", smtpStarttls=" + smtpStarttls + ", pollSeconds=" + pollSeconds + ", publicUrl=" + publicUrl + "]";
  }
}
