package org.civic311.server.storage;

import java.util.Iterator;

/**
 * Rows read from the database as the caller takes them, for results as large as a city's whole
 * history. It holds a connection and an open query until closed: close it in a {@code finally},
 * also when the reading stops early. Used by one thread.
 */
public interface Cursor<T> extends Iterator<T>, AutoCloseable {
  /** Ends the query and gives the connection back; closing twice is harmless. */
  @Override
  void close();
}
