package org.civic311.server.domain.imports;

import java.util.List;
import org.civic311.server.storage.ImportedRequest;
import org.civic311.server.storage.JurisdictionRecord;
import org.civic311.server.storage.ServiceRecord;

/** How one kind of file's rows become requests. */
interface RowFormat {

  /** What the file's ids are ids of, stored beside them ({@code external_source}). */
  String source();

  /** The separator between fields. */
  default char separator() {
    return ',';
  }

  /**
   * Checks the header and remembers where the columns are.
   *
   * @throws BadInput when the file is not of this format or lacks a required column
   */
  void start(CsvRows rows);

  /**
   * One row as a request, its jurisdiction and its service (created when the catalogue lacks
   * it); {@code warnings} hears what was imported with a doubt.
   *
   * @throws RowRejected when the row cannot be imported
   */
  Incoming read(String[] row, List<String> warnings) throws RowRejected;

  /** A row read: where it goes and what it is. */
  record Incoming(JurisdictionRecord jurisdiction, ServiceRecord service, ImportedRequest request) {}
}
