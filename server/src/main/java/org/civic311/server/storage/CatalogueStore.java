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
}
