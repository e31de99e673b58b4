package org.civic311.server.storage;

import java.util.List;
import java.util.Optional;

/**
 * How each mirror's harvests went, one row per mirroring jurisdiction, shared by the nodes: the
 * newest change seen at the source (where the next harvest starts), the last success, the last
 * error.
 */
public interface MirrorStore {

  /** A mirror's last harvests; times are epoch ms, null when it never happened. */
  record Harvest(String jurisdictionId, String source, String method, Long startedAt, Long finishedAt,
      Long succeededAt, Long newestChange, long seen, long added, long updated, String lastError, Long errorAt) {}

  Optional<Harvest> find(String jurisdictionId);

  List<Harvest> all();

  /** Notes that a harvest of {@code source} began (making the row when missing). */
  void started(String jurisdictionId, String source, long now);

  /** Records a harvest that ended well, and clears the error. */
  void succeeded(String jurisdictionId, String method, Long newestChange, long seen, long added, long updated,
      long now);

  /** Records a harvest that failed, keeping what the last good one found. */
  void failed(String jurisdictionId, String error, long now);
}
