package org.civic311.server.domain.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.civic311.server.storage.Snapshots;

/**
 * Writes a backup: one zip file holding a consistent copy of the live database, the photos and a
 * manifest. The database is copied first and the photos after: a photo is stored before the row
 * that names it commits, so every photo the copied rows name is already in the folder when it is
 * read. Photos added since are carried along and do no harm.
 */
public final class Backup {
  private final Snapshots database;
  private final Path media;
  private final String version;
  private final Clock clock;
  private final Progress progress;

  public Backup(Snapshots database, Path media, String version, Clock clock, Progress progress) {
    this.database = database;
    this.media = media;
    this.version = version;
    this.clock = clock;
    this.progress = progress;
  }

  /**
   * Writes the backup to {@code archive}, which must not exist; it appears whole or not at all.
   *
   * @throws BackupException when the archive exists or the copy is damaged
   */
  public Manifest writeTo(Path archive) {
    if (Files.exists(archive)) {
      throw new BackupException(archive + " already exists; name a new file");
    }
    Path folder = archive.toAbsolutePath().getParent();
    if (!Files.isDirectory(folder)) {
      throw new BackupException("the folder " + folder + " does not exist");
    }
    Path work = null;
    Path partial = folder.resolve(archive.getFileName() + ".part");
    try {
      work = Files.createTempDirectory(folder, ".civic311-backup-");
      Path copy = work.resolve("civic311.db");
      Instant at = clock.instant();
      progress.step("copying the database");
      try (SizeWatch watch = new SizeWatch(copy, "copying the database", progress)) {
        database.take(copy);
      }
      progress.step("checking the copy (" + Files.size(copy) / (1024 * 1024) + " MiB)");
      Snapshots.Check check = database.check(copy);
      if (!check.intact()) {
        throw new BackupException("the copy of the database is damaged: " + String.join("; ", check.problems()));
      }
      List<Path> photos = photos();
      long bytes = 0;
      try (OutputStream file = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(file)) {
        progress.step("writing " + archive);
        zip.putNextEntry(new ZipEntry(Manifest.DATABASE_ENTRY));
        try (SizeWatch watch = new SizeWatch(partial, "compressing the database", progress)) {
          Files.copy(copy, zip);
        }
        zip.closeEntry();
        long done = 0;
        for (Path photo : photos) {
          // Forward slashes whatever the system, as zip readers expect.
          zip.putNextEntry(new ZipEntry(Manifest.MEDIA_PREFIX + media.relativize(photo).toString().replace('\\', '/')));
          bytes += Files.copy(photo, zip);
          zip.closeEntry();
          progress.files(++done, photos.size());
        }
        Manifest manifest = new Manifest(Manifest.FORMAT, Manifest.VERSION, version, at.toString(), "sqlite",
            check.rows(), photos.size(), bytes);
        zip.putNextEntry(new ZipEntry(Manifest.ENTRY));
        zip.write(manifest.toJson());
        zip.closeEntry();
        zip.finish();
        file.flush();
        Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
        return manifest;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing the backup " + archive + " failed: " + Folders.describe(e), e);
    } finally {
      Folders.deleteQuietly(partial);
      Folders.deleteQuietly(work);
    }
  }

  /** Every photo and thumbnail, skipping files still being written. */
  private List<Path> photos() throws IOException {
    if (!Files.isDirectory(media)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(media)) {
      return files.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted().toList();
    }
  }
}
