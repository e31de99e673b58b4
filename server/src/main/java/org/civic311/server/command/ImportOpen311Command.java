package org.civic311.server.command;

import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.civic311.client.ClientException;
import org.civic311.server.app.Application;
import org.civic311.server.domain.interop.Harvester;
import org.civic311.server.domain.interop.MirrorSource;
import org.civic311.server.storage.JurisdictionRecord;
import org.civic311.server.storage.StorageException;
import org.civic311.server.storage.sql.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code civic311 import open311 URL}: one harvest of another Open311 endpoint, as a mirror makes
 * every few minutes (see docs/INTEROP.md): its services and its requests, kept under the
 * source's ids, so a rerun updates what changed and adds nothing twice.
 */
@Command(name = "open311", mixinStandardHelpOptions = true,
    description = "Another Open311 (GeoReport v2) endpoint: its services and the requests of the last"
        + " --since-days, read by page or by date windows, stored under the source's ids.")
final class ImportOpen311Command implements Callable<Integer> {
  @Mixin
  ConfigOptions options;

  @Parameters(index = "0", paramLabel = "URL", description = "The endpoint's base URL, such as"
      + " https://311.city.gov/open311/v2")
  String url;

  @Option(names = {"-j", "--jurisdiction"}, paramLabel = "ID",
      description = "Into this jurisdiction (made when missing). Default: one named after the source's host.")
  String jurisdiction;

  @Option(names = "--source-jurisdiction", paramLabel = "ID", description = "The jurisdiction_id to send there.")
  String sourceJurisdiction;

  @Option(names = "--api-key", paramLabel = "KEY", description = "An API key there, if reading needs one.")
  String apiKey;

  @Option(names = "--since-days", paramLabel = "N", defaultValue = "90",
      description = "How far back, in days. Default: ${DEFAULT-VALUE}")
  int sinceDays;

  @Option(names = "--time-zone", paramLabel = "ZONE", defaultValue = "UTC",
      description = "The zone of a jurisdiction made by the import. Default: ${DEFAULT-VALUE}")
  String timeZone;

  @Override
  public Integer call() {
    PrintStream out = System.out;
    PrintStream err = System.err;
    if (url == null || !url.matches("(?i)https?://[^\\s/]+[^\\s]*")) {
      err.println("import refused: " + url + ": the URL must be an http or https base URL, such as"
          + " https://311.city.gov/open311/v2");
      return 1;
    }
    if (sinceDays < 1 || sinceDays > 3650) {
      err.println("import refused: --since-days must be between 1 and 3650, not " + sinceDays);
      return 1;
    }
    try {
      java.time.ZoneId.of(timeZone);
    } catch (java.time.DateTimeException e) {
      err.println("import refused: --time-zone '" + timeZone + "' is not a time zone, such as America/New_York");
      return 1;
    }
    MirrorSource source = new MirrorSource(url, sourceJurisdiction, apiKey, 60);
    String id = jurisdiction != null ? jurisdiction : source.suggestedId();
    if (!id.matches("[A-Za-z0-9._~-]+")) {
      err.println("import refused: jurisdiction '" + id + "' may hold only letters, digits and . _ ~ -");
      return 1;
    }
    try (Database database = Application.openConfigured(options.load())) {
      Clock clock = Clock.systemUTC();
      JurisdictionRecord j = database.imports().ensureJurisdiction(
          new JurisdictionRecord(id, "Copy of " + source.name(), timeZone, clock.millis()), clock.millis());
      Harvester harvester = new Harvester(database.catalogue(), database.imports(), clock);
      err.println("reading " + source.name() + " into jurisdiction " + j.id());
      int services = harvester.addCatalogue(source, j.id());
      ProgressLine progress = new ProgressLine(err, System.console() != null, -1);
      Harvester.Totals t = harvester.harvest(source, j.id(), null, sinceDays, progress::rows);
      progress.done(t.seen());
      out.println(String.format("read %,d requests in %.1f s (%s): %,d imported, %,d updated, %,d unchanged;"
          + " %d new services", t.seen(), t.millis() / 1000.0, t.method(), t.added(), t.updated(), t.unchanged(),
          services));
      return 0;
    } catch (ClientException e) {
      err.println();
      err.println("import stopped: " + e.getMessage());
      err.println("The batches committed before are kept; a rerun goes on and adds nothing twice.");
      return 1;
    } catch (StorageException e) {
      err.println();
      err.println("import stopped: " + e.getMessage());
      return 1;
    }
  }
}
