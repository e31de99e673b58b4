package org.civic311.server.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * A {@link MediaStore} in a directory: {@code <directory>/ab/cd/<sha256>.<ext>}, the two levels
 * taken from the start of the digest so no directory grows past 65,536 entries. Thumbnails are
 * {@code <sha256>-thumb.jpg} beside their original.
 *
 * <p>Paths are built only from validated keys and the server's own extensions, never from
 * anything a client named. Each file is written to a temporary file in its final directory,
 * forced to disk, then renamed into place, so readers see a whole file or none; two threads
 * storing the same photo both rename identical bytes over one another, which is harmless.
 */
public final class FileMediaStore implements MediaStore {
  private final Path root;

  /** A store in this directory, which is created if it does not exist. */
  public FileMediaStore(Path directory) {
    this.root = directory.toAbsolutePath().normalize();
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the media directory " + root, e);
    }
  }

  @Override
  public StoredMedia put(byte[] sanitizedBytes, MediaType type) {
    if (MediaType.detect(sanitizedBytes).orElse(null) != type) {
      throw new IllegalArgumentException("the bytes are not " + type);
    }
    return write(MediaKey.of(sanitizedBytes), type, sanitizedBytes);
  }

  @Override
  public StoredMedia putThumbnail(String originalKey, byte[] jpegBytes) {
    if (MediaType.detect(jpegBytes).orElse(null) != MediaType.JPEG) {
      throw new IllegalArgumentException("a thumbnail must be a JPEG");
    }
    return write(MediaKey.thumbnailOf(originalKey), MediaType.JPEG, jpegBytes);
  }

  @Override
  public Optional<StoredMedia> get(String key) {
    MediaKey.require(key);
    for (MediaType type : candidates(key)) {
      Path file = path(key, type);
      try {
        return Optional.of(new StoredMedia(key, type, Files.size(file)));
      } catch (NoSuchFileException e) {
        continue;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the media file " + file, e);
      }
    }
    return Optional.empty();
  }

  @Override
  public Optional<InputStream> open(String key) {
    Optional<StoredMedia> media = get(key);
    if (media.isEmpty()) {
      return Optional.empty();
    }
    Path file = path(key, media.get().type());
    try {
      return Optional.of(Files.newInputStream(file));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the media file " + file, e);
    }
  }

  private StoredMedia write(String key, MediaType type, byte[] bytes) {
    Path file = path(key, type);
    if (Files.exists(file)) {
      return new StoredMedia(key, type, bytes.length);
    }
    Path temporary = null;
    try {
      Files.createDirectories(file.getParent());
      temporary = Files.createTempFile(file.getParent(), ".incoming-", ".tmp");
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
      return new StoredMedia(key, type, bytes.length);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the media file " + file, e);
    } finally {
      deleteQuietly(temporary);
    }
  }

  /** The file of a key; the key is validated first, and the result checked to lie under the root. */
  private Path path(String key, MediaType type) {
    MediaKey.require(key);
    String digest = MediaKey.digestPart(key);
    Path file = root.resolve(digest.substring(0, 2)).resolve(digest.substring(2, 4))
        .resolve(key + "." + type.extension()).normalize();
    if (!file.startsWith(root)) {
      throw new IllegalArgumentException("not a media key");
    }
    return file;
  }

  private static MediaType[] candidates(String key) {
    return MediaKey.isThumbnail(key) ? new MediaType[] {MediaType.JPEG} : MediaType.values();
  }

  private static void deleteQuietly(Path temporary) {
    if (temporary == null) {
      return;
    }
    try {
      Files.deleteIfExists(temporary); // gone already after a successful move
    } catch (IOException e) {
      // A leftover temporary file is harmless: it has no key's name and is never served.
    }
  }
}
