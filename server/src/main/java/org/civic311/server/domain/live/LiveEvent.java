package org.civic311.server.domain.live;

import org.civic311.server.storage.EventRecord;

/**
 * An event of the log made public: its entry (for the filters) and its JSON text, made once and
 * shared by every stream and hook that takes it.
 */
public record LiveEvent(EventRecord entry, String json) {
  public long id() {
    return entry.id();
  }

  public String kind() {
    return entry.kind();
  }
}
