package org.civic311.server.storage;

import java.util.List;
import java.util.Optional;

/** Service requests. Every write is one transaction and durable when the method returns. */
public interface RequestStore {

  /** Stores a new open request and returns it with its id. */
  RequestRecord insert(NewRequest request);

  Optional<RequestRecord> find(String jurisdictionId, long id);

  /** The requests with these ids in the jurisdiction, newest first; unknown ids are skipped. */
  List<RequestRecord> findAll(String jurisdictionId, List<Long> ids);

  Optional<RequestRecord> findByToken(String jurisdictionId, String token);

  List<RequestRecord> search(RequestQuery query);

  /**
   * Counts one more person reporting the same open, public request ("me too"); false when there
   * is no such request.
   */
  boolean addSupport(String jurisdictionId, long id);

  /** The ids of the requests marked as duplicates of each of these, by original id. */
  java.util.Map<Long, List<Long>> duplicatesOf(List<Long> ids);
}
