package org.civic311.server.storage;

import java.util.List;
import java.util.Map;

/**
 * Where imported requests are written: in batches, each one transaction, keyed by the source's
 * own ids so that importing the same records again adds nothing.
 */
public interface ImportStore {

  /** Stores the jurisdiction when it is missing; returns the stored one (an existing one unchanged). */
  JurisdictionRecord ensureJurisdiction(JurisdictionRecord wanted, long now);

  /** The names of the jurisdiction's services by code, retired ones included. */
  Map<String, String> serviceNames(String jurisdictionId);

  /**
   * Adds services to the end of the catalogue, in one transaction, and moves the changeset.
   * Services whose code exists already are left as they are.
   */
  void addServices(String jurisdictionId, List<ServiceRecord> services, long now);

  /**
   * Writes a batch in one transaction on the channel {@code import}: requests new to the
   * jurisdiction and {@code source} are added, known ones whose digest changed are rewritten
   * (with their imported update), and the rest are left alone.
   */
  BatchOutcome write(String jurisdictionId, String source, List<ImportedRequest> batch, long now);

  /** Whether the jurisdiction holds any request imported from {@code source}. */
  boolean holds(String jurisdictionId, String source);

  /** What a batch did. */
  record BatchOutcome(int added, int updated, int unchanged) {}
}
