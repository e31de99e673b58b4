package org.civic311.server.storage;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The forwarding outbox: requests to send to an upstream Open311 server. Rows are written with
 * their request ({@link RequestStore#insert(NewRequest, String)}); a sender claims a row for a
 * while (a lease), so that of several nodes only one sends it, and records the outcome.
 */
public interface OutboxStore {

  /** One request's forwarding: {@code state} is waiting, sent, failed or cancelled. */
  record Entry(long requestId, String upstream, String state, int attempts, long nextTryAt, String lastError,
      String upstreamId, String upstreamToken, long createdAt, Long sentAt) {}

  /** Ids of waiting rows due at {@code now} and claimed by no one, oldest first. */
  List<Long> due(long now, int limit);

  /** Claims a due row until {@code until}; false when another sender has it or it is no longer due. */
  boolean claim(long requestId, long now, long until);

  Optional<Entry> find(long requestId);

  void sent(long requestId, int attempts, String upstreamId, String upstreamToken, long now);

  void retryLater(long requestId, int attempts, long nextTryAt, String error);

  void failed(long requestId, int attempts, String error);

  /** Puts a failed or cancelled row back in the queue, due now; false when there is none such. */
  boolean retry(long requestId, long now);

  /** The upstream's id (or token) of each of these requests that has been forwarded. */
  Map<Long, String> upstreamIdsOf(List<Long> requestIds);

  /** Stops a waiting or failed row from being sent; false when it is in neither state. */
  boolean cancel(long requestId);

  /** A forwarded request still open here, its id upstream and its expected time here (or null). */
  record Forwarded(long requestId, String upstreamId, Long expectedAt) {}

  /** A request the upstream took in batch: it answered a token, not yet resolved to an id. */
  record Token(long requestId, String token) {}

  /** Sent rows of {@code upstream} with a token and no upstream id yet, oldest first. */
  List<Token> unresolvedTokens(String upstream, int limit);

  /**
   * Gives a request forwarded to the source it mirrors that source's id as its external id, so
   * the mirror's harvest finds it instead of adding the source's copy beside it. Does nothing
   * when the harvest was first (the source's copy is then already here).
   */
  void link(long requestId, String source, String externalId);

  /** Stores the upstream id a token became. */
  void resolved(long requestId, String upstreamId);

  /** Our forwarded requests (still open here) among these upstream ids, by upstream id. */
  Map<String, Forwarded> forwardedByUpstreamId(String upstream, List<String> upstreamIds);

  /**
   * Requests sent to {@code upstream} that are still open here and have an upstream id, after
   * {@code afterRequestId} in id order: the ones whose progress is worth asking for.
   */
  List<Forwarded> openForwarded(String upstream, long afterRequestId, int limit);

  /** How many rows are in each state. */
  Map<String, Long> depth();
}
