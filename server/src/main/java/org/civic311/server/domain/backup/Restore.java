package org.civic311.server.domain.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.civic311.server.storage.Snapshots;

/**
 * Puts a backup back: the database file and the photos, into a place that holds neither (or, when
 * forced, over what is there). The database is checked (integrity, and the rows of every table
 * against the manifest) before anything in the target place changes.
 */
public final class Restore {
  private final Snapshots checker;
  private final Progress progress;

  public Restore(Snapshots checker, Progress progress) {
    this.checker = checker;
    this.progress = progress;
  }

  /**
   * Restores {@code archive} into the SQLite file {@code databaseFile} and the folder {@code media}.
   *
   * @param force replace a database and photos that are there
   * @throws BackupException when the archive is not a whole backup or the place is not empty
   */
  public Manifest restore(Path archive, Path databaseFile, Path media, boolean force) {
    if (!Files.isRegularFile(archive)) {
      throw new BackupException(archive + " is not a file");
    }
    Path db = databaseFile.toAbsolutePath();
    Path root = media.toAbsolutePath().normalize();
    Path partial = db.resolveSibling(db.getFileName() + ".restoring");
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      Manifest manifest = manifestOf(zip, archive);
      if (!force) {
        refuseIfHeld(db, root);
      }
      Files.createDirectories(db.getParent());
      progress.step("unpacking and checking the database");
      Files.deleteIfExists(partial);
      try (InputStream in = zip.getInputStream(entry(zip, Manifest.DATABASE_ENTRY, archive))) {
        Files.copy(in, partial);
      }
      Snapshots.Check check = checker.check(partial);
      if (!check.intact()) {
        throw new BackupException("the database in " + archive + " is damaged: " + String.join("; ", check.problems()));
      }
      if (!check.rows().equals(manifest.rows())) {
        throw new BackupException("the database in " + archive + " does not hold the rows its manifest lists"
            + " (manifest " + manifest.rows() + ", found " + check.rows() + ")");
      }
      List<? extends ZipEntry> photos = Collections.list(zip.entries()).stream()
          .filter(e -> !e.isDirectory() && e.getName().startsWith(Manifest.MEDIA_PREFIX)).toList();
      if (photos.size() != manifest.mediaFiles()) {
        throw new BackupException(archive + " holds " + photos.size() + " photos, its manifest lists "
            + manifest.mediaFiles());
      }
      progress.step("restoring " + photos.size() + " media files to " + root);
      long done = 0;
      for (ZipEntry photo : photos) {
        Path target = root.resolve(photo.getName().substring(Manifest.MEDIA_PREFIX.length())).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
          throw new BackupException(archive + " names a file outside the media folder: " + photo.getName());
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = zip.getInputStream(photo)) {
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        progress.files(++done, photos.size());
      }
      // The old file's write-ahead log would be applied to the restored file: it goes too.
      for (String suffix : List.of("-wal", "-shm", "-journal")) {
        Files.deleteIfExists(db.resolveSibling(db.getFileName() + suffix));
      }
      Files.move(partial, db, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return manifest;
    } catch (ZipException e) {
      throw new BackupException(archive + " is not a backup (not a zip file: " + e.getMessage() + ")");
    } catch (IOException e) {
      throw new UncheckedIOException("restoring " + archive + " failed: " + Folders.describe(e), e);
    } finally {
      Folders.deleteQuietly(partial);
    }
  }

  private static Manifest manifestOf(ZipFile zip, Path archive) throws IOException {
    Manifest manifest;
    try (InputStream in = zip.getInputStream(entry(zip, Manifest.ENTRY, archive))) {
      manifest = Manifest.read(in);
    }
    if (!Manifest.FORMAT.equals(manifest.format()) || manifest.rows() == null) {
      throw new BackupException(archive + " is not a civic311 backup");
    }
    if (manifest.formatVersion() > Manifest.VERSION) {
      throw new BackupException(archive + " was written by a newer civic311 (" + manifest.civic311Version()
          + ", backup format " + manifest.formatVersion() + "); restore it with that version or newer");
    }
    return manifest;
  }

  private static ZipEntry entry(ZipFile zip, String name, Path archive) {
    ZipEntry e = zip.getEntry(name);
    if (e == null) {
      throw new BackupException(archive + " is not a whole civic311 backup: " + name + " is missing");
    }
    return e;
  }

  private static void refuseIfHeld(Path db, Path media) throws IOException {
    if (Files.exists(db) && Files.size(db) > 0) {
      throw new BackupException("the database " + db + " already exists; restore into a new place, or add"
          + " --force to replace it (stop the server first)");
    }
    if (!Folders.isEmpty(media)) {
      throw new BackupException("the media folder " + media + " is not empty; restore into a new place, or add"
          + " --force to write over it (stop the server first)");
    }
  }
}
