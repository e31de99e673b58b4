package org.civic311.server.storage.sql;

import org.civic311.server.storage.Cursor;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.result.ResultIterator;

/** A cursor over an open query on its own handle; closing it ends the query and returns the connection. */
final class SqlCursor<T> implements Cursor<T> {
  private final Handle handle;
  private final ResultIterator<T> rows;
  private final String what;
  private boolean closed;

  SqlCursor(Handle handle, ResultIterator<T> rows, String what) {
    this.handle = handle;
    this.rows = rows;
    this.what = what;
  }

  @Override
  public boolean hasNext() {
    return !closed && Guard.call(what, rows::hasNext);
  }

  @Override
  public T next() {
    return Guard.call(what, rows::next);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      rows.close();
    } catch (JdbiException e) {
      // The connection is given back below whatever the statement said on closing.
    } finally {
      release(handle);
    }
  }

  /** Ends the handle's read-only transaction and gives its connection back to the pool. */
  static void release(Handle h) {
    try {
      if (h.isInTransaction()) {
        h.rollback();
      }
    } catch (JdbiException e) {
      // A broken connection: closing it below is all that is left to do.
    } finally {
      h.close();
    }
  }
}
