package org.civic311.server.command;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import org.civic311.georeport.Parameters;
import org.civic311.server.app.Application;
import org.civic311.server.domain.Refusal;
import org.civic311.server.domain.RequestSearch.Selection;
import org.civic311.server.domain.opendata.DownloadFormat;
import org.civic311.server.domain.opendata.Downloads;
import org.civic311.server.storage.sql.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Writes a bulk download to a file, as {@code /data/requests.*} serves it, without a server. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Export every public request (or, with --updates, every public update) matching the filters",
        "to a file, exactly as the /data downloads give it: no hidden request, no reporter's details."})
final class ExportCommand implements Callable<Integer> {
  @Mixin
  ConfigOptions options;

  @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "csv, geojson or ndjson")
  String format;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "The file to write.")
  Path out;

  @Option(names = "--updates", description = "Export the updates of the selected requests instead (csv or ndjson).")
  boolean updates;

  @Option(names = {"-j", "--jurisdiction"}, paramLabel = "ID", description = "Needed when there are several.")
  String jurisdiction;

  @Option(names = "--service-code", paramLabel = "CODE", description = "Only this service; may be repeated.")
  List<String> serviceCodes = List.of();

  @Option(names = "--status", paramLabel = "STATUS", description = "open or closed; may be repeated.")
  List<String> statuses = List.of();

  @Option(names = "--agency-responsible", paramLabel = "AGENCY", description = "Only this agency; may be repeated.")
  List<String> agencies = List.of();

  @Option(names = "--start-date", paramLabel = "DATETIME", description = "Requested at or after.") String startDate;

  @Option(names = "--end-date", paramLabel = "DATETIME", description = "Requested at or before.") String endDate;

  @Option(names = "--updated-after", paramLabel = "DATETIME") String updatedAfter;

  @Option(names = "--updated-before", paramLabel = "DATETIME") String updatedBefore;

  @Option(names = "--bbox", paramLabel = "W,S,E,N", description = "min_long,min_lat,max_long,max_lat") String bbox;

  @Option(names = "--lat", paramLabel = "DEGREES") String lat;

  @Option(names = "--long", paramLabel = "DEGREES") String lon;

  @Option(names = "--radius", paramLabel = "METRES") String radius;

  @Option(names = "--q", paramLabel = "WORDS", description = "Words that must all occur.") String words;

  @Override
  public Integer call() throws IOException {
    DownloadFormat f = DownloadFormat.ofExtension(format).orElse(null);
    if (f == null || updates && f == DownloadFormat.GEOJSON) {
      System.err.println("--format must be " + (updates ? "csv or ndjson" : "csv, geojson or ndjson") + ", not '"
          + format + "'");
      return 2;
    }
    try (Database database = Application.openConfigured(options.load())) {
      Downloads downloads = Application.downloads(database);
      Selection selection = downloads.select(filters());
      ProgressLine progress = new ProgressLine(System.err, System.console() != null,
          updates ? -1 : downloads.count(selection));
      // Written beside the target and moved into place whole, so an interrupted export leaves no half file.
      Path partial = out.resolveSibling(out.getFileName() + ".part");
      long rows;
      try (OutputStream file = Files.newOutputStream(partial)) {
        rows = updates ? downloads.updates(selection, f, file, progress::rows)
            : downloads.requests(selection, f, file, progress::rows);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(partial);
        throw e;
      }
      Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      progress.done(rows);
      System.out.printf("Wrote %,d %s to %s%n", rows, updates ? "updates" : "requests", out);
      return 0;
    } catch (Refusal e) {
      for (String m : e.messages()) {
        System.err.println("export refused: " + m);
      }
      return 2;
    }
  }

  /** The options as the API's query parameters, so that the domain reads and checks them alike. */
  Parameters filters() {
    Parameters.Builder p = Parameters.builder();
    add(p, "jurisdiction_id", jurisdiction);
    serviceCodes.forEach(c -> p.add("service_code", c));
    statuses.forEach(s -> p.add("status", s));
    agencies.forEach(a -> p.add("agency_responsible", a));
    add(p, "start_date", startDate);
    add(p, "end_date", endDate);
    add(p, "updated_after", updatedAfter);
    add(p, "updated_before", updatedBefore);
    add(p, "bbox", bbox);
    add(p, "lat", lat);
    add(p, "long", lon);
    add(p, "radius", radius);
    add(p, "q", words);
    return p.build();
  }

  private static void add(Parameters.Builder p, String name, String value) {
    if (value != null) {
      p.add(name, value);
    }
  }
}
