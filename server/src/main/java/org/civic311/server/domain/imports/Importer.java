package org.civic311.server.domain.imports;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.civic311.server.storage.ImportStore;
import org.civic311.server.storage.ImportedRequest;
import org.civic311.server.storage.JurisdictionRecord;
import org.civic311.server.storage.ServiceRecord;

/**
 * Reads a file row by row and writes its requests in batches, each one transaction: an
 * interrupted import keeps every batch committed, and running it again skips what is stored
 * (by the source's ids, unchanged rows at the cost of one lookup per batch) and goes on. Bad
 * rows go to the rejects file and never stop the import; a bad file stops it before any write.
 * Memory stays constant: one batch per jurisdiction is filled while at most two more are being
 * written. Writing runs on a thread of its own, so reading and checking the next rows overlaps
 * the database's work on the last batch; batches are written in the order they were filled.
 */
public final class Importer {
  /** Rows written per transaction. */
  public static final int BATCH = 20_000;

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
    ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "import-writer");
      t.setDaemon(true);
      return t;
    });
    Writes writes = new Writes(writer);
    try {
      return run(source, rejectsFile, totals, progress, writes);
    } catch (RuntimeException e) {
      // The batches already handed over are written before the failure is told, so that what it
      // says was committed is.
      try {
        writes.drain();
      } catch (RuntimeException also) {
        e.addSuppressed(also);
      }
      throw e;
    } finally {
      writer.shutdown();
    }
  }

  /** The batches handed to the writing thread and not yet known to be written, oldest first. */
  private static final class Writes {
    static final int IN_FLIGHT = 2;
    final ExecutorService writer;
    final ArrayDeque<Future<?>> pending = new ArrayDeque<>();

    Writes(ExecutorService writer) {
      this.writer = writer;
    }

    void submit(Runnable write) {
      pending.add(writer.submit(write));
      while (pending.size() > IN_FLIGHT) {
        await(pending.poll());
      }
    }

    void drain() {
      while (!pending.isEmpty()) {
        await(pending.poll());
      }
    }

    private static void await(Future<?> f) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("import interrupted", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new IllegalStateException(e.getCause());
      }
    }
  }

  private Summary run(ImportSource source, Path rejectsFile, Totals totals, Progress progress, Writes writes) {
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
              flush(format.source(), p, totals, writes);
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
          flush(format.source(), p, totals, writes);
        }
        writes.drain();
      }
      return totals.summary(rejects.written() ? rejectsFile : null);
    }
  }

  private Pending open(JurisdictionRecord wanted) {
    JurisdictionRecord j = store.ensureJurisdiction(wanted, clock.millis());
    return new Pending(j, new HashMap<>(store.serviceNames(j.id())));
  }

  private void flush(String source, Pending p, Totals totals, Writes writes) {
    String j = p.jurisdiction.id();
    List<ServiceRecord> services = List.copyOf(p.newServices);
    List<ImportedRequest> batch = List.copyOf(p.batch);
    p.newServices.clear();
    p.batch.clear();
    writes.submit(() -> {
      if (!services.isEmpty()) {
        store.addServices(j, services, clock.millis());
      }
      ImportStore.BatchOutcome o = store.write(j, source, batch, clock.millis());
      totals.added += o.added();
      totals.updated += o.updated();
      totals.unchanged += o.unchanged();
    });
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
