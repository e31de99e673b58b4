package org.civic311.server.storage;

import java.util.List;

/**
 * The replicas that may serve reads beside the primary database (PostgreSQL streaming standbys),
 * and what a writer needs to read its own writes (see {@link ReadScope}). Thread-safe.
 */
public interface Replication {

  /** True when there are replicas at all; false on SQLite and on a PostgreSQL without any. */
  boolean enabled();

  /**
   * The primary's log position now. Asked after a write has committed, it is at or past that
   * write, so a replica that has replayed this far shows it.
   *
   * @throws StorageException when the primary does not answer
   */
  long writePosition();

  /** Every replica as last checked, in the configured order. */
  List<ReplicaState> replicas();

  /**
   * One replica as last checked.
   *
   * @param name       the configured name (no address: it is shown to anyone)
   * @param inRotation whether reads go to it now
   * @param lagSeconds how far behind the primary it was, at least; null when it did not answer
   * @param trouble    why it is out of rotation, a short phrase; null when it is in
   * @param reads      connections it has given reads since the start
   */
  record ReplicaState(String name, boolean inRotation, Double lagSeconds, String trouble, long reads) {}

  /** No replicas: every read on the primary. */
  Replication NONE = new Replication() {
    @Override
    public boolean enabled() {
      return false;
    }

    @Override
    public long writePosition() {
      return 0;
    }

    @Override
    public List<ReplicaState> replicas() {
      return List.of();
    }
  };
}
