package org.civic311.server.storage;

import java.util.List;
import java.util.Optional;

/** Jurisdictions and their service catalogues. */
public interface CatalogueStore {

  /** Every stored jurisdiction. */
  List<JurisdictionRecord> jurisdictions();

  Optional<JurisdictionRecord> jurisdiction(String id);

  /** The services of a jurisdiction in catalogue order, retired ones included. */
  List<ServiceRecord> services(String jurisdictionId);

  /**
   * Makes the stored jurisdiction and catalogue equal to the given ones in one transaction.
   * Services missing from {@code services} are retired, not deleted, so old requests keep their
   * service. The changeset moves to {@code now} only when something really changed.
   *
   * @return true when anything changed
   */
  boolean synchronize(JurisdictionRecord jurisdiction, List<ServiceRecord> services, long now);

  /**
   * True once staff edited the jurisdiction's catalogue in the back office: from then on the
   * database is its source, and {@link #synchronize} leaves its services alone.
   */
  boolean editedByStaff(String jurisdictionId);

  /**
   * Stores a service as staff edited it (new, or replacing the one with its code, keeping its
   * place), marks the catalogue as edited by staff, and moves the changeset.
   */
  void saveService(String jurisdictionId, ServiceRecord service, long now);

  /** Retires or restores a service and moves the changeset; false when there is no such service. */
  boolean setRetired(String jurisdictionId, String code, boolean retired, long now);

  /** Deletes a service that no request uses and moves the changeset; false otherwise. */
  boolean deleteUnused(String jurisdictionId, String code, long now);
}
