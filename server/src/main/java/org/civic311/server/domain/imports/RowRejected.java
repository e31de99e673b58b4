package org.civic311.server.domain.imports;

/** A row that cannot become a request; the import sets it aside and goes on. */
final class RowRejected extends Exception {
  RowRejected(String reason) {
    super(reason, null, false, false);
  }
}
