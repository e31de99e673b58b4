package org.civic311.server.storage;

import java.util.List;
import java.util.Optional;

/** Webhooks, their places in the event log, and their last deliveries. */
public interface WebhookStore {
  /** How many deliveries each hook keeps. */
  int KEPT_DELIVERIES = 50;

  long create(long apiKeyId, String jurisdictionId, String url, String secret, String filters, long position,
      long now);

  Optional<WebhookRecord> find(long id);

  /** The hooks of a key, or of every key when {@code apiKeyId} is null, newest first; removed ones left out. */
  List<WebhookRecord> list(Long apiKeyId);

  /** Marks a hook removed; false when there was no such active or failed hook. */
  boolean remove(long id);

  /** Active hooks whose next try is due and that no node holds. */
  List<Long> due(long now, int limit);

  /** Holds a due hook until {@code until}, so that one node delivers it; false when another node has it. */
  boolean claim(long id, long now, long until);

  /** Moves a hook past an event delivered (or passed over), and lets it go. */
  void advance(long id, long position);

  /** Records a failed try: when to try again, or the state {@code failed}; and lets it go. */
  void failed(long id, int attempts, long failingSince, long nextTryAt, String state);

  /** Makes a failed hook active again from where it stopped. */
  void reactivate(long id);

  /** Keeps a delivery, and forgets the hook's oldest beyond {@link #KEPT_DELIVERIES}. */
  void log(WebhookDelivery delivery);

  /** A hook's last deliveries, newest first. */
  List<WebhookDelivery> deliveries(long id, int limit);
}
