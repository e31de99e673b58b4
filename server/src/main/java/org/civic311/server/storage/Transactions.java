package org.civic311.server.storage;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs writes to several stores as one database transaction: when the work returns, all of them
 * are committed together; when it throws, none is, and the exception reaches the caller as it was
 * thrown. The call returns only after the commit.
 *
 * <p>Inside the work, write only through the {@link Transaction} it is given: other stores are not
 * bound to take part in it (on SQLite a write through them is refused, as it would wait for the
 * very transaction it runs in). Keep the work short and free of slow steps such as password
 * hashing: on SQLite it holds up every other writer.
 */
public interface Transactions {

  /** Runs {@code work} in one transaction and returns its result once committed. */
  <T> T call(Function<Transaction, T> work);

  /** Runs {@code work} in one transaction and returns once it is committed. */
  default void run(Consumer<Transaction> work) {
    call(tx -> {
      work.accept(tx);
      return null;
    });
  }
}
