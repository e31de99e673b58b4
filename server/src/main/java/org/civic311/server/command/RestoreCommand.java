package org.civic311.server.command;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.civic311.server.config.Configuration;
import org.civic311.server.domain.backup.BackupException;
import org.civic311.server.domain.backup.Manifest;
import org.civic311.server.domain.backup.Restore;
import org.civic311.server.storage.sql.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Puts a backup made by {@code backup} back in place. */
@Command(name = "restore", mixinStandardHelpOptions = true,
    description = {"Restore a file written by 'backup', after checking it, into an empty place.",
        "The database goes to the configured SQLite file and the photos to the media folder, once the",
        "database's integrity and its rows are checked against the backup's manifest. An existing",
        "database or a media folder with files in it is replaced only with --force."})
final class RestoreCommand implements Callable<Integer> {
  @Mixin
  ConfigOptions options;

  @Option(names = "--from", required = true, paramLabel = "FILE", description = "The backup file.")
  Path from;

  @Option(names = "--media", paramLabel = "DIR", description = "The media folder, overriding media.directory.")
  Path media;

  @Option(names = "--force", description = "Replace the database and write over the photos that are there."
      + " Stop the server first.")
  boolean force;

  @Override
  public Integer call() {
    Configuration config = options.load();
    Path file = Database.sqliteFile(config.database().url()).orElse(null);
    if (file == null) {
      System.err.println("restore: " + config.database().url() + " is not a SQLite file; "
          + "a PostgreSQL database is restored from pg_dump's file with pg_restore:");
      System.err.println(BackupCommand.recipe(config.database().url(), config.media().directory()));
      return 3;
    }
    Path photos = media != null ? media : Path.of(config.media().directory());
    try {
      Manifest m = new Restore(Database.snapshotFiles(), new BackupProgress(System.err))
          .restore(from, file, photos, force);
      System.out.printf("Restored %,d rows (%,d requests) and %,d media files from %s (taken %s by civic311 %s)"
          + " into %s and %s; integrity checked, every table's rows as the manifest lists%n", m.totalRows(),
          m.rows().getOrDefault("service_requests", 0L), m.mediaFiles(), from, m.createdAt(), m.civic311Version(),
          file, photos);
      return 0;
    } catch (BackupException e) {
      System.err.println("restore refused: " + e.getMessage());
      return 1;
    }
  }
}
