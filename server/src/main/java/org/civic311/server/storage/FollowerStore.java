package org.civic311.server.storage;

import java.util.List;
import java.util.Optional;

/** Followers of requests, and where the status-mail job got to in the update history. */
public interface FollowerStore {

  FollowerRecord add(long requestId, String email, String locale, String token, long now);

  /** The followers of a request who have not unsubscribed. */
  List<FollowerRecord> activeFollowers(long requestId);

  Optional<FollowerRecord> findByToken(String token);

  /** Marks the follower unsubscribed; false when the token is unknown or already unsubscribed. */
  boolean unsubscribe(String token, long now);

  /** A job's position: the id of the last update it has dealt with. */
  long cursor(String job);

  /**
   * Moves a job's position from {@code from} to {@code to} if it is still at {@code from};
   * false when another node moved it first.
   */
  boolean advance(String job, long from, long to);

  /**
   * Updates stored after {@code afterId}, in id order, at most {@code limit}, recorded before
   * {@code recordedBefore} (epoch ms). The list stops at the first update recorded at or after
   * that time, even when older ones follow it: ids are handed out before commit, so a reader
   * that moved past an update still in flight would never see it.
   */
  List<UpdateRecord> updatesAfter(long afterId, long recordedBefore, int limit);
}
