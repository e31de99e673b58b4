package org.civic311.server.media;

/**
 * What the intake needs to know of one container format, all of it read from the bytes without
 * decoding pixels. Implementations are stateless.
 */
interface ImageFormat {

  /** Whether the bytes begin with this format's signature. */
  boolean recognises(byte[] bytes);

  /**
   * The size the header declares, found without decoding.
   *
   * @throws BrokenImage if the header is missing, truncated or inconsistent
   */
  Dimensions dimensions(byte[] image);

  /**
   * The same image without the metadata that can carry a location or other personal data; a
   * valid file of the same format.
   *
   * @throws BrokenImage if the structure cannot be walked, or metadata cannot be removed safely
   */
  byte[] withoutMetadata(byte[] image);

  /** How the image is turned for display, in EXIF numbering (1 = as stored). */
  default int orientation(byte[] image) {
    return 1;
  }
}
