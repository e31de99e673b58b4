package org.civic311.server.storage.sql;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * Runs one unit of reading on a connection: one from the read pool ({@link #pooled}), or the
 * connection of a transaction already open ({@link #joining}), so that reads inside it see its
 * own writes.
 */
interface Reader {

  <T> T withHandle(HandleCallback<T, RuntimeException> work);

  static Reader pooled(Jdbi jdbi) {
    return new Reader() {
      @Override
      public <T> T withHandle(HandleCallback<T, RuntimeException> work) {
        return jdbi.withHandle(work);
      }
    };
  }

  static Reader joining(Handle open) {
    return new Reader() {
      @Override
      public <T> T withHandle(HandleCallback<T, RuntimeException> work) {
        return work.withHandle(open);
      }
    };
  }
}
