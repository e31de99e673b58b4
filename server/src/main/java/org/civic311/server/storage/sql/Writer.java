package org.civic311.server.storage.sql;

import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * Runs one unit of writing in a transaction and returns once it is committed. Either each unit
 * commits alone ({@link #direct}), or concurrent units share commits ({@link GroupCommit}).
 */
interface Writer extends AutoCloseable {

  <T> T inTransaction(HandleCallback<T, RuntimeException> work);

  @Override
  void close();

  /** Every unit in a transaction of its own, on the caller's thread. */
  static Writer direct(Jdbi jdbi) {
    return new Writer() {
      @Override
      public <T> T inTransaction(HandleCallback<T, RuntimeException> work) {
        return jdbi.inTransaction(work);
      }

      @Override
      public void close() {
      }
    };
  }
}
