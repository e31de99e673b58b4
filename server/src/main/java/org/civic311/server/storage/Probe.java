package org.civic311.server.storage;

/**
 * One check of the database's health, cheap enough to be run every second by a load balancer's
 * probe: a short query, or a look at a number kept in memory.
 */
public interface Probe {
  /** A short name, such as {@code database}, {@code migrations} or {@code writer}. */
  String name();

  /**
   * Null when all is well, else a short phrase naming the trouble (never data from the tables).
   * May block while the database does not answer, and throw {@link StorageException} or any
   * runtime exception when it fails.
   */
  String trouble();
}
