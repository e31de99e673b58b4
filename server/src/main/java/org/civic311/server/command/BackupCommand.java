package org.civic311.server.command;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.civic311.server.config.Configuration;
import org.civic311.server.domain.backup.Backup;
import org.civic311.server.domain.backup.BackupException;
import org.civic311.server.domain.backup.Manifest;
import org.civic311.server.storage.sql.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Writes a backup of a SQLite installation while its server keeps serving. */
@Command(name = "backup", mixinStandardHelpOptions = true,
    description = {"Back up the SQLite database and the photos into one file, while the server serves.",
        "The file is a zip holding a consistent copy of the database, the media folder and a manifest;",
        "'restore' puts it back. On PostgreSQL, prints the pg_dump recipe instead."})
final class BackupCommand implements Callable<Integer> {
  @Mixin
  ConfigOptions options;

  @Option(names = "--to", required = true, paramLabel = "FILE", description = "The backup file to write (a new file).")
  Path to;

  @Option(names = "--media", paramLabel = "DIR", description = "The media folder, overriding media.directory.")
  Path media;

  @Override
  public Integer call() {
    Configuration config = options.load();
    if (Database.sqliteFile(config.database().url()).isEmpty()) {
      System.err.println("backup: " + config.database().url() + " is not a SQLite file; "
          + "a PostgreSQL database is backed up with pg_dump, while the server runs:");
      System.err.println(recipe(config.database().url(), config.media().directory()));
      return 3;
    }
    Path file = Database.sqliteFile(config.database().url()).orElseThrow();
    if (!java.nio.file.Files.isRegularFile(file)) {
      System.err.println("backup refused: the database " + file + " does not exist");
      return 1;
    }
    Path photos = media != null ? media : Path.of(config.media().directory());
    // Opened as it is, not migrated: the server that owns it may be of another version.
    try (Database database = Database.open(config.database().url(), null, null)) {
      Manifest m = new Backup(database.snapshots(), photos, version(), Clock.systemUTC(),
          new BackupProgress(System.err)).writeTo(to);
      System.out.printf("Backed up %,d rows (%,d requests) and %,d media files, photos and thumbnails (%,d KiB), to %s%n", m.totalRows(),
          m.rows().getOrDefault("service_requests", 0L), m.mediaFiles(), m.mediaBytes() / 1024, to);
      return 0;
    } catch (BackupException e) {
      System.err.println("backup refused: " + e.getMessage());
      return 1;
    }
  }

  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "development build" : v;
  }

  /** The PostgreSQL backup and restore recipe, with the database's own address filled in. */
  static String recipe(String jdbcUrl, String media) {
    String uri = jdbcUrl.regionMatches(true, 0, "jdbc:", 0, 5) ? jdbcUrl.substring(5) : jdbcUrl;
    return String.join("\n",
        "  pg_dump --format=custom --file=civic311.dump '" + uri + "'",
        "  rsync -a '" + media + "/' civic311-media/     # the photos, after the dump",
        "and restored into a new, empty database (PostGIS installed):",
        "  createdb civic311_restored",
        "  pg_restore --no-owner --dbname='" + uri.replaceFirst("/[^/?]*(\\?|$)", "/civic311_restored$1")
            + "' civic311.dump",
        "See docs/OPERATIONS.md.");
  }
}
