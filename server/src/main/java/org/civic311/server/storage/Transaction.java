package org.civic311.server.storage;

/**
 * The stores as seen from inside one open transaction (see {@link Transactions}). Everything done
 * through them, reads included, happens in that transaction: reads see its own uncommitted writes.
 * Valid only until the work it was given to returns.
 */
public interface Transaction {

  CaseworkStore casework();

  UpdateStore updates();

  CatalogueStore catalogue();

  ApiKeyStore apiKeys();

  StaffStore staff();

  AuditStore audit();
}
