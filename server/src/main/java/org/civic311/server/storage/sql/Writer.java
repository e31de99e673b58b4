package org.civic311.server.storage.sql;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * Runs one unit of writing in a transaction and returns once it is committed. Either each unit
 * commits alone ({@link #direct}), or concurrent units share commits ({@link GroupCommit}), or
 * each unit joins a transaction already open and commits with it ({@link #joining}).
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

  /**
   * Every unit runs on {@code open}, inside the transaction already open there, and commits or
   * rolls back with it: the stores of a {@link SqlTransactions} write this way.
   */
  static Writer joining(Handle open) {
    return new Writer() {
      @Override
      public <T> T inTransaction(HandleCallback<T, RuntimeException> work) {
        return work.withHandle(open);
      }

      @Override
      public void close() {
      }
    };
  }
}
