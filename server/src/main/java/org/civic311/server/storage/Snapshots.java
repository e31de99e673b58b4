package org.civic311.server.storage;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Whole copies of the database in one file, for backups: taken from the live database while it
 * serves, and checked before a restore puts one back.
 */
public interface Snapshots {

  /**
   * Writes a consistent copy of the database as it is now to {@code file}, which must not exist;
   * readers and writers go on meanwhile, and the copy holds exactly the transactions committed
   * before it began.
   *
   * @throws UnsupportedOperationException when the database is backed up with its own tools
   * @throws StorageException when the copy fails
   */
  void take(Path file);

  /** Checks a snapshot file without changing it: its integrity and the rows of each table. */
  Check check(Path file);

  /** What a check found: no problems means intact; rows per table, by name. */
  record Check(List<String> problems, Map<String, Long> rows) {
    public boolean intact() {
      return problems.isEmpty();
    }
  }
}
