package org.civic311.server.storage;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The public history of requests: status changes and notes. */
public interface UpdateStore {

  /** Outcome of storing an update. */
  enum Outcome { STORED, UNKNOWN_REQUEST, DUPLICATE_UPDATE_ID }

  /** The outcome, and the stored update when it was stored. */
  record Result(Outcome outcome, Optional<UpdateRecord> update) {}

  /**
   * Stores an update and applies it to its request (status, extended status, status notes,
   * updated time) in one transaction. A null {@code updateId} gets one made from the row id.
   */
  Result insert(NewUpdate update);

  /** A jurisdiction's updates with {@code updated_at} in [from, to], oldest first, ties by id. */
  List<UpdateRecord> search(String jurisdictionId, long from, long to, List<Long> requestIds, int offset, int limit);

  /** The updates of these requests, oldest first, by request id. */
  Map<Long, List<UpdateRecord>> historyOf(List<Long> requestIds);

  /** The photos of these requests (not of their updates), by request id, in position order. */
  Map<Long, List<MediaRecord>> mediaOf(List<Long> requestIds);
}
