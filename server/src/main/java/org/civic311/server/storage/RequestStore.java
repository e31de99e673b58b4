package org.civic311.server.storage;

import java.util.List;
import java.util.Optional;

/** Service requests. Every write is one transaction and durable when the method returns. */
public interface RequestStore {

  /** Which of these requests have an expected date that is the server's estimate (migration V15). */
  java.util.Set<Long> expectedEstimated(List<Long> ids);

  /** Stores a new open request and returns it with its id. */
  RequestRecord insert(NewRequest request);

  /**
   * Stores a request and, in the same transaction, a row in the forwarding outbox naming the
   * upstream it goes to ({@code upstream} null: none), so that an accepted request is never lost
   * to a crash before it is sent.
   */
  default RequestRecord insert(NewRequest request, String upstream) {
    if (upstream != null) {
      throw new UnsupportedOperationException("this store cannot forward");
    }
    return insert(request);
  }

  Optional<RequestRecord> find(String jurisdictionId, long id);

  /** The requests with these ids in the jurisdiction, newest first; unknown ids are skipped. */
  List<RequestRecord> findAll(String jurisdictionId, List<Long> ids);

  Optional<RequestRecord> findByToken(String jurisdictionId, String token);

  List<RequestRecord> search(RequestQuery query);

  /** As {@link #search}, with only the public columns of each request: what a public list reads. */
  List<PublicRequestRow> searchPublic(RequestQuery query);

  /**
   * As {@link #searchPublic}, for a page to be kept: it comes with the {@link #changeMarker()} read just before its rows, and, when the
   * query's window has an end, the earliest {@code requested_at} of any request of the
   * jurisdiction after that end (null if none): until the end passes it, a later end finds the
   * same requests.
   */
  PublicPage pagePublic(RequestQuery query);

  /**
   * One public request by id, as {@link #pagePublic} reads a page: its public columns alone, with
   * the change marker read before it; no row if there is none or it is hidden.
   */
  PublicPage findPublic(String jurisdictionId, long id);

  /** A page of public rows, with what {@link #pagePublic} says about when they were read. */
  record PublicPage(String marker, List<PublicRequestRow> rows, Long nextRequestedAt) {
    public PublicPage {
      rows = List.copyOf(rows);
    }
  }

  /**
   * A value that changes whenever anything is committed to the store (by this process or any
   * other, on any node): equal values mean equal data. Cheap: read it for every list.
   */
  String changeMarker();

  /**
   * Every request {@code query} matches, by id ascending, read as the cursor is advanced: the
   * query's offset, limit and order do not apply. The caller closes the cursor.
   */
  Cursor<RequestRecord> scan(RequestQuery query);

  /** As {@link #scan}, with only the public columns of each request: what a bulk download reads. */
  Cursor<PublicRequestRow> scanPublic(RequestQuery query);

  /** How many requests {@code query} matches, without its offset and limit. */
  long count(RequestQuery query);

  /**
   * What changes whenever a public answer about the jurisdiction's requests may change: the
   * newest {@code updated_at} of its requests, and the highest request and update ids of all.
   */
  record Marker(long updatedAt, long requestId, long updateId) {}

  Marker marker(String jurisdictionId);

  /** What counting a "me too" found. */
  enum Support { COUNTED, ALREADY_COUNTED, NO_SUCH_REQUEST }

  /**
   * Counts one more person reporting the same open, public request ("me too"), unless the
   * {@code supporter} (a hash that stands for one person on one day) counted for it on
   * {@code day} already. Markers from before the previous day are deleted on the way.
   */
  Support addSupport(String jurisdictionId, long id, long day, String supporter);

  /** The ids of the requests marked as duplicates of each of these, by original id. */
  java.util.Map<Long, List<Long>> duplicatesOf(List<Long> ids);
}
