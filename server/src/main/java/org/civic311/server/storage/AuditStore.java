package org.civic311.server.storage;

import java.util.List;

/** The append-only record of staff actions. There is deliberately no way to change an entry. */
public interface AuditStore {

  void append(AuditEntry entry);

  List<AuditEntry> search(AuditQuery query);
}
