package org.civic311.server.storage;

import java.util.List;

/**
 * The event log, written by the database itself in the transaction of every public change. Ids
 * grow, and a reader that has seen an id never later finds a smaller one.
 */
public interface EventStore {

  /** Up to {@code limit} events with an id above {@code after}, oldest first. */
  List<EventRecord> after(long after, int limit);

  /** The id of the newest event, or 0 when the log is empty. */
  long newest();
}
