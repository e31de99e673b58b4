package org.civic311.server.domain.backup;

/** A backup or restore that cannot go on, with a message that says why in one line. */
public final class BackupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BackupException(String message) {
    super(message);
  }
}
