package org.civic311.server.media;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Takes in the photos of one service request, one part at a time: recognises the type from the
 * bytes, enforces the {@link MediaLimits}, removes location and other metadata, makes a
 * thumbnail and stores both. Nothing is decoded before the header's declared size has passed the
 * pixel limit, so an image built to explode in memory is refused from its first bytes.
 *
 * <p>Immutable and thread-safe when its store is. Storage failures pass through as the store's
 * {@link java.io.UncheckedIOException}.
 */
public final class MediaIntake {
  private static final String ACCEPTED_TYPES = "a JPEG, PNG, WebP or HEIC image";

  /**
   * A stored photo.
   *
   * @param key the store key of the sanitised original
   * @param type what it is, from its bytes
   * @param width its width as displayed (after the orientation it carries), in pixels
   * @param height its height as displayed, in pixels
   * @param thumbnailKey the store key of its JPEG thumbnail; empty for HEIC and for photos no
   *     decoder here could read
   */
  public record Accepted(String key, MediaType type, int width, int height, Optional<String> thumbnailKey) {
  }

  private final MediaLimits limits;
  private final MediaStore store;
  private final Thumbnailer thumbnailer = new Thumbnailer();

  public MediaIntake(MediaLimits limits, MediaStore store) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * Refuses a submission with more photos than the limit allows, naming the first part too many.
   *
   * @throws MediaRejected TOO_MANY_FILES
   */
  public void checkCount(List<String> partNames) {
    if (partNames.size() > limits.maxFiles()) {
      String extra = partNames.get(limits.maxFiles());
      throw new MediaRejected(MediaRejected.Reason.TOO_MANY_FILES, extra, extra
          + " is one photo too many: a request may carry at most " + limits.maxFiles());
    }
  }

  /**
   * Checks, cleans and stores one uploaded part.
   *
   * @param partName the form part's name, used only in messages
   * @param bytes the part's content as received
   * @throws MediaRejected naming the part: UNSUPPORTED_TYPE, TOO_LARGE or DAMAGED
   */
  public Accepted accept(String partName, byte[] bytes) {
    Objects.requireNonNull(partName, "partName");
    if (bytes.length > limits.maxBytes()) {
      throw new MediaRejected(MediaRejected.Reason.TOO_LARGE, partName, String.format(
          "%s is %,d bytes; the limit is %,d bytes", partName, (long) bytes.length, limits.maxBytes()));
    }
    if (bytes.length == 0) {
      throw new MediaRejected(MediaRejected.Reason.UNSUPPORTED_TYPE, partName, partName + " is empty");
    }
    MediaType type = MediaType.detect(bytes).orElseThrow(() -> new MediaRejected(
        MediaRejected.Reason.UNSUPPORTED_TYPE, partName,
        partName + " is not " + ACCEPTED_TYPES + " (it looks like " + UnknownContent.describe(bytes) + ")"));
    try {
      ImageFormat format = type.format();
      Dimensions size = format.dimensions(bytes);
      checkSize(partName, size);
      byte[] clean = format.withoutMetadata(bytes);
      int orientation = format.orientation(clean);
      Optional<byte[]> thumbnail = thumbnailer.thumbnail(clean, type, size, orientation);
      StoredMedia original = store.put(clean, type);
      Optional<String> thumbnailKey = thumbnail.map(t -> store.putThumbnail(original.key(), t).key());
      Dimensions shown = size.displayed(orientation);
      return new Accepted(original.key(), type, (int) shown.width(), (int) shown.height(), thumbnailKey);
    } catch (BrokenImage e) {
      throw new MediaRejected(MediaRejected.Reason.DAMAGED, partName,
          partName + " is a damaged " + type + " image: it " + e.getMessage());
    }
  }

  private void checkSize(String partName, Dimensions size) {
    if (size.longestSide() > MediaLimits.MAX_SIDE || size.pixels() > limits.maxPixels()) {
      throw new MediaRejected(MediaRejected.Reason.TOO_LARGE, partName, String.format(
          "%s is %d x %d pixels; the limit is %,d pixels and %,d on a side",
          partName, size.width(), size.height(), limits.maxPixels(), MediaLimits.MAX_SIDE));
    }
  }
}
