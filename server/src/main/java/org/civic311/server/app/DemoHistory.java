package org.civic311.server.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.civic311.server.domain.imports.ImportSource;
import org.civic311.server.domain.imports.Importer;
import org.civic311.server.storage.ImportStore;

/**
 * The bundled demo's past requests: real ones from New York's and six cities' 311 records, moved
 * onto Demo City's map and services (demo/history.csv, made by server/src/demo/history.py, read as
 * demo/history.yaml says). The first start stores them through the ordinary importer; a later
 * start finds requests of the source stored and reads nothing (and were it to read the file, the
 * external ids would make it add nothing). The times are moved forward by whole weeks, keeping
 * each request's weekday and hour, so that the newest request falls in the week before the first
 * start: the API's default window (the last 90 days) and the pages then show them on the first
 * visit. A request whose close would fall after now is stored as still open.
 */
final class DemoHistory {
  private static final String DATA = "/demo/history.csv";
  private static final String MAPPING = "/demo/history.yaml";

  private DemoHistory() {}

  static final String SOURCE = "demo-history";
  private static final Duration WEEK = Duration.ofDays(7);

  /** Stores the history unless requests of it are there; null when they are. */
  static Importer.Summary load(ImportStore store, String jurisdiction, Instant now) {
    if (store.holds(jurisdiction, SOURCE)) {
      return null;
    }
    Path dir = null;
    try {
      dir = Files.createTempDirectory("civic311-demo");
      Path data = moved(dir.resolve("history.csv"), now);
      Path mapping = copy(MAPPING, dir.resolve("history.yaml"));
      return new Importer(store, Clock.systemUTC()).run(ImportSource.mapped(data, mapping, jurisdiction),
          dir.resolve("rejects.csv"), new Importer.Totals(), n -> { });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack the demo's history", e);
    } finally {
      if (dir != null) {
        deleteQuietly(dir);
      }
    }
  }

  /** The bundled rows with every time moved forward by the same whole number of weeks. */
  private static Path moved(Path to, Instant now) throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (InputStream in = DemoHistory.class.getResourceAsStream(DATA)) {
      if (in == null) {
        throw new IOException(DATA + " is missing from the jar");
      }
      CsvMapper csv = new CsvMapper();
      csv.enable(CsvParser.Feature.WRAP_AS_ARRAY);
      try (MappingIterator<String[]> it = csv.readerFor(String[].class).readValues(in)) {
        rows.addAll(it.readAll());
      }
    }
    String[] header = rows.get(0);
    int requested = List.of(header).indexOf("requested");
    int closed = List.of(header).indexOf("closed");
    int status = List.of(header).indexOf("status");
    int notes = List.of(header).indexOf("notes");
    Instant newest = Instant.EPOCH;
    for (String[] row : rows.subList(1, rows.size())) {
      Instant t = OffsetDateTime.parse(row[requested]).toInstant();
      newest = t.isAfter(newest) ? t : newest;
    }
    Duration shift = WEEK.multipliedBy(Math.max(0, Duration.between(newest, now).toDays() / 7));
    for (String[] row : rows.subList(1, rows.size())) {
      row[requested] = OffsetDateTime.parse(row[requested]).plus(shift).toString();
      if (!row[closed].isEmpty()) {
        OffsetDateTime at = OffsetDateTime.parse(row[closed]).plus(shift);
        if (at.toInstant().isAfter(now)) {
          // Closed later than the moved history reaches: as of now, still open.
          row[closed] = "";
          row[status] = "open";
          row[notes] = "";
        } else {
          row[closed] = at.toString();
        }
      }
    }
    try (var out = new CsvMapper().writer(CsvSchema.emptySchema()).writeValues(Files.newBufferedWriter(to))) {
      out.writeAll(rows);
    }
    return to;
  }

  private static Path copy(String resource, Path to) throws IOException {
    try (InputStream in = DemoHistory.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException(resource + " is missing from the jar");
      }
      Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
    }
    return to;
  }

  private static void deleteQuietly(Path dir) {
    try (var files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // A temporary folder left behind is harmless.
    }
  }
}
