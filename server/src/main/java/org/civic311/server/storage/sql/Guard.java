package org.civic311.server.storage.sql;

import java.util.function.Supplier;
import org.civic311.server.storage.StorageException;
import org.jdbi.v3.core.JdbiException;

/** Turns database failures into {@link StorageException}, so callers see one kind of failure. */
final class Guard {
  private Guard() {}

  static <T> T call(String what, Supplier<T> work) {
    try {
      return work.get();
    } catch (JdbiException e) {
      throw new StorageException("database failed to " + what + ": " + e.getMessage(), e);
    }
  }
}
