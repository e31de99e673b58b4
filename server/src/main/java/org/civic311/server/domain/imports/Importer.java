package org.civic311.server.domain.imports;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civic311.server.storage.ImportStore;
import org.civic311.server.storage.ImportedRequest;
import org.civic311.server.storage.JurisdictionRecord;
import org.civic311.server.storage.ServiceRecord;

/**
 * Reads a file row by row and writes its requests in batches, each one transaction: an
 * interrupted import keeps every batch committed, and running it again skips what is stored
 * (by the source's ids, unchanged rows at the cost of one lookup per batch) and goes on. Bad
 * rows go to the rejects file and never stop the import; a bad file stops it before any write.
 * Memory stays constant: one batch per jurisdiction is held at a time.
 */
public final class Importer {
  /** Rows written per transaction. */
  public static final int BATCH = 5_000;

  private final ImportStore store;
  private final Clock clock;
  private final int batchSize;

  public Importer(ImportStore store, Clock clock) {
    this(store, clock, BATCH);
  }

  Importer(ImportStore store, Clock clock, int batchSize) {
    this.store = store;
    this.clock = clock;
    this.batchSize = batchSize;
  }

  /** Hears how many rows have been read and how many are stored. */
  public interface Progress {
    void rows(long read);
  }

  /** What an import did. {@code rejects} is null when no row was set aside or warned about. */
  public record Summary(long read, long added, long updated, long unchanged, long rejected, long warned,
      long millis, Path rejects) {
    public double rowsPerSecond() {
      return read * 1000.0 / Math.max(millis, 1);
    }
  }

  /** A running total that the caller may read while the import runs (for a summary after Ctrl-C). */
  public static final class Totals {
    private volatile long read;
    private volatile long added;
    private volatile long updated;
    private volatile long unchanged;
    private volatile long rejected;
    private volatile long warned;
    private final long started = System.nanoTime();

    public Summary summary(Path rejects) {
      return new Summary(read, added, updated, unchanged, rejected, warned,
          (System.nanoTime() - started) / 1_000_000, rejects);
    }
  }

  /**
   * Imports {@code file} as {@code source} reads it.
   *
   * @throws BadInput when the file cannot be imported at all; batches written before the
   *                  problem was met stay (the message says how many rows)
   */
  public Summary run(ImportSource source, Path rejectsFile, Totals totals, Progress progress) {
    RowFormat format = source.format();
    try (CsvRows rows = CsvRows.open(source.file(), format.separator())) {
      format.start(rows);
      int width = rows.header().size();
      Map<String, Pending> pending = new LinkedHashMap<>();
      Rejects rejects = new Rejects(rejectsFile, rows.header());
      try (rejects) {
        List<String> warnings = new ArrayList<>();
        String[] row;
        while ((row = rows.next()) != null) {
          totals.read++;
          if (row.length == 1 && row[0].isBlank()) {
            totals.read--;
            continue;
          }
          warnings.clear();
          try {
            if (row.length != width) {
              throw new RowRejected("has " + row.length + " fields where the header has " + width);
            }
            RowFormat.Incoming in = format.read(row, warnings);
            Pending p = pending.computeIfAbsent(in.jurisdiction().id(), id -> open(in.jurisdiction()));
            ImportedRequest r = p.admit(in);
            p.batch.add(r);
            if (p.batch.size() >= batchSize) {
              flush(format.source(), p, totals);
            }
            for (String w : warnings) {
              rejects.add(rows.line(), "warning", w, row);
            }
            if (!warnings.isEmpty()) {
              totals.warned++;
            }
          } catch (RowRejected e) {
            totals.rejected++;
            rejects.add(rows.line(), "rejected", e.getMessage(), row);
          }
          progress.rows(totals.read);
        }
        for (Pending p : pending.values()) {
          flush(format.source(), p, totals);
        }
      }
      return totals.summary(rejects.written() ? rejectsFile : null);
    }
  }

  private Pending open(JurisdictionRecord wanted) {
    JurisdictionRecord j = store.ensureJurisdiction(wanted, clock.millis());
    return new Pending(j, new HashMap<>(store.serviceNames(j.id())));
  }

  private void flush(String source, Pending p, Totals totals) {
    if (!p.newServices.isEmpty()) {
      store.addServices(p.jurisdiction.id(), p.newServices, clock.millis());
      p.newServices.clear();
    }
    ImportStore.BatchOutcome o = store.write(p.jurisdiction.id(), source, p.batch, clock.millis());
    totals.added += o.added();
    totals.updated += o.updated();
    totals.unchanged += o.unchanged();
    p.batch.clear();
  }

  /** One jurisdiction's batch in the making, and its catalogue as far as the import knows it. */
  private static final class Pending {
    final JurisdictionRecord jurisdiction;
    final Map<String, String> services;
    final List<ServiceRecord> newServices = new ArrayList<>();
    final List<ImportedRequest> batch = new ArrayList<>();

    Pending(JurisdictionRecord jurisdiction, Map<String, String> services) {
      this.jurisdiction = jurisdiction;
      this.services = services;
    }

    /** The request with its service's stored name; a service new to the catalogue is added first. */
    ImportedRequest admit(RowFormat.Incoming in) throws RowRejected {
      ImportedRequest r = in.request();
      String known = services.get(r.serviceCode());
      if (known == null) {
        if (in.service() == null) {
          throw new RowRejected("service code '" + r.serviceCode() + "' is not in the catalogue of "
              + jurisdiction.id());
        }
        services.put(r.serviceCode(), in.service().name());
        newServices.add(in.service());
        known = in.service().name();
      }
      if (r.serviceName() == null) {
        return new ImportedRequest(r.externalId(), r.digest(), r.serviceCode(), known, r.description(),
            r.agencyResponsible(), r.requestedAt(), r.expectedAt(), r.address(), r.zipcode(), r.lat(), r.lon(),
            r.status(), r.extendedStatus(), r.statusAt(), r.note());
      }
      return r;
    }
  }
}
