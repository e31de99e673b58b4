package org.civic311.server.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.civic311.server.app.Application;
import org.civic311.server.domain.imports.BadInput;
import org.civic311.server.domain.imports.ImportSource;
import org.civic311.server.domain.imports.Importer;
import org.civic311.server.storage.StorageException;
import org.civic311.server.storage.sql.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code civic311 import nyc|cities|csv FILE} or {@code import open311 URL}: brings another system's requests in. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Import requests from another system's records. Each row keeps its original id, so running"
        + " the same file again adds nothing and updates what changed; an interrupted import goes on from its"
        + " last committed batch. Bad rows go to FILE.rejects.csv with their line and reason. See docs/IMPORT.md.",
    subcommands = {ImportCommand.Nyc.class, ImportCommand.Cities.class, ImportCommand.Mapped.class,
        ImportOpen311Command.class})
final class ImportCommand {

  /** What every kind of import shares: the database, the file, the rejects file, the run. */
  abstract static class Run implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to import.")
    Path file;

    @Option(names = "--rejects", paramLabel = "FILE",
        description = "Where rejected rows and warnings go. Default: FILE.rejects.csv")
    Path rejects;

    abstract ImportSource source();

    @Override
    public Integer call() {
      PrintStream out = System.out;
      PrintStream err = System.err;
      Path rejectsFile = rejects != null ? rejects : file.resolveSibling(file.getFileName() + ".rejects.csv");
      Importer.Totals totals = new Importer.Totals();
      AtomicBoolean finished = new AtomicBoolean();
      ImportSource source;
      try {
        if (!Files.isReadable(file)) {
          err.println("import refused: " + file + ": no such readable file");
          return 1;
        }
        source = source();
      } catch (BadInput e) {
        err.println("import refused: " + e.describe());
        return 1;
      }
      // Ctrl-C ends the process; the batches committed so far stay, and a rerun goes on from them.
      Thread interrupted = new Thread(() -> {
        if (!finished.get()) {
          err.println();
          err.println("import interrupted; committed batches are kept and a rerun goes on from there. So far: "
              + describe(totals.summary(null)));
        }
      });
      Runtime.getRuntime().addShutdownHook(interrupted);
      try (Database database = Application.openConfigured(options.load())) {
        ProgressLine progress = new ProgressLine(err, System.console() != null, rowsIn(file));
        Importer.Summary s;
        try {
          s = new Importer(database.imports(), Clock.systemUTC()).run(source, rejectsFile, totals, progress::rows);
        } catch (BadInput e) {
          finished.set(true);
          Importer.Summary sofar = totals.summary(null);
          err.println();
          err.println("import stopped: " + e.describe());
          err.println(sofar.added() + sofar.updated() == 0 ? "Nothing was imported."
              : "The batches before line " + e.line() + " were committed: " + describe(sofar)
                  + ". A rerun of the corrected file goes on from there.");
          return 1;
        } catch (StorageException e) {
          finished.set(true);
          err.println();
          err.println("import stopped: " + e.getMessage());
          err.println("The batches committed before the failure are kept: " + describe(totals.summary(null))
              + ". A rerun goes on from there.");
          return 1;
        }
        finished.set(true);
        progress.done(s.read());
        out.println(describe(s));
        if (s.rejects() != null) {
          out.println("Rejected rows and warnings, with their lines: " + s.rejects());
        }
        return 0;
      } finally {
        finished.set(true);
        try {
          Runtime.getRuntime().removeShutdownHook(interrupted);
        } catch (IllegalStateException e) {
          // Already shutting down.
        }
      }
    }
  }

  static String describe(Importer.Summary s) {
    return String.format("read %,d rows in %.1f s (%,.0f rows/s): %,d imported, %,d updated, %,d unchanged,"
        + " %,d rejected; %,d imported with warnings", s.read(), s.millis() / 1000.0, s.rowsPerSecond(), s.added(),
        s.updated(), s.unchanged(), s.rejected(), s.warned());
  }

  /** Lines in the file, less the header: the rows expected, for the time left. */
  static long rowsIn(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      long lines = 0;
      int n;
      while ((n = in.read(buffer)) > 0) {
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            lines++;
          }
        }
      }
      return Math.max(lines - 1, 0);
    } catch (IOException e) {
      return -1;
    }
  }

  @Command(name = "nyc", mixinStandardHelpOptions = true,
      description = "NYC Open Data's 311 Service Requests CSV (dataset erm2-nwe9).")
  static final class Nyc extends Run {
    @Option(names = {"-j", "--jurisdiction"}, paramLabel = "ID", defaultValue = "nyc",
        description = "Into this jurisdiction, made as New York City when missing. Default: ${DEFAULT-VALUE}")
    String jurisdiction;

    @Option(names = "--services", paramLabel = "CSV",
        description = "Map complaint types and descriptors to existing service codes (columns complaint_type,"
            + " descriptor, service_code); others become new services.")
    Path services;

    @Override
    ImportSource source() {
      return ImportSource.nyc(file, jurisdiction, services);
    }
  }

  @Command(name = "cities", mixinStandardHelpOptions = true,
      description = "The six cities' GeoReport samples (TSV, city first): a jurisdiction per city.")
  static final class Cities extends Run {
    @Override
    ImportSource source() {
      return ImportSource.cities(file);
    }
  }

  @Command(name = "csv", mixinStandardHelpOptions = true,
      description = "Any CSV, with a mapping file from its columns to ours (see docs/IMPORT.md).")
  static final class Mapped extends Run {
    @Option(names = "--mapping", required = true, paramLabel = "YAML", description = "The mapping file.")
    Path mapping;

    @Option(names = {"-j", "--jurisdiction"}, paramLabel = "ID", description = "Overrides the mapping's jurisdiction.")
    String jurisdiction;

    @Override
    ImportSource source() {
      return ImportSource.mapped(file, mapping, jurisdiction);
    }
  }
}
