package org.civic311.server.media;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Where sanitised photos and their thumbnails are kept, addressed by content: the key of a file
 * is the SHA-256 of its bytes (see {@link MediaKey}), so the same photo sent twice is stored
 * once, and a key can never name anything but a stored photo. A thumbnail is kept beside its
 * original under {@link MediaKey#thumbnailOf(String)}.
 *
 * <p>This is the seam for other back ends (an S3-compatible bucket, say). Implementations are
 * thread-safe, a completed {@code put} is durable and visible to every later {@code get}, and a
 * reader never sees a half-written file. Failures of the back end are {@link UncheckedIOException}.
 * Methods that take a key throw {@link IllegalArgumentException} for one that is not
 * {@link MediaKey#isValid(String) valid}, before touching the back end.
 */
public interface MediaStore {

  /** Stores sanitised image bytes of this type, once per distinct content. */
  StoredMedia put(byte[] sanitizedBytes, MediaType type);

  /** Stores the JPEG thumbnail of the original stored under {@code originalKey}. */
  StoredMedia putThumbnail(String originalKey, byte[] jpegBytes);

  /** The file stored under this key (an original's, or one ending in {@code -thumb}), if any. */
  Optional<StoredMedia> get(String key);

  /** The bytes stored under this key, if any; the caller closes the stream. */
  Optional<InputStream> open(String key);
}
