package org.civic311.server.storage;

/** The database could not do what was asked: unreachable, timed out, or refused the statement. */
public class StorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
