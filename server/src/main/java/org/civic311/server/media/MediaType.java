package org.civic311.server.media;

import java.util.Optional;

/**
 * The kinds of photo a service request may carry. The type of an upload is always decided by
 * {@link #detect(byte[])} from the bytes themselves; file names and declared content types are
 * what a client claims and are never consulted.
 */
public enum MediaType {
  JPEG("image/jpeg", "jpg", new JpegFormat()),
  PNG("image/png", "png", new PngFormat()),
  WEBP("image/webp", "webp", new WebpFormat()),
  /** HEIC and the other still-image brands of the HEIF container, as phones write them. */
  HEIC("image/heic", "heic", new HeifFormat());

  private final String mimeType;
  private final String extension;
  private final ImageFormat format;

  MediaType(String mimeType, String extension, ImageFormat format) {
    this.mimeType = mimeType;
    this.extension = extension;
    this.format = format;
  }

  /** The content type to serve the stored file with, for example {@code image/jpeg}. */
  public String mimeType() {
    return mimeType;
  }

  /** The file name extension stores use, without the dot, for example {@code jpg}. */
  public String extension() {
    return extension;
  }

  /** The type these bytes are by their signature, or empty for anything else. */
  public static Optional<MediaType> detect(byte[] bytes) {
    for (MediaType type : values()) {
      if (type.format.recognises(bytes)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  ImageFormat format() {
    return format;
  }
}
