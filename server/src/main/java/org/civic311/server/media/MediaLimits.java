package org.civic311.server.media;

/**
 * How much a submission may carry. Checked once when built: a limit that is not positive is an
 * error, not a silent default.
 *
 * @param maxBytes the largest file accepted, in bytes
 * @param maxFiles the most photos one submission may carry
 * @param maxPixels the most pixels (width times height) one photo may have; together with
 *     {@link #MAX_SIDE} this guards against images that are small on disk but enormous decoded
 */
public record MediaLimits(long maxBytes, int maxFiles, int maxPixels) {
  /** No side of an accepted image may be longer than this, whatever {@code maxPixels} allows. */
  public static final int MAX_SIDE = 20_000;

  /** 10 MiB per file, 5 files, 40 megapixels: room for any phone photo of today. */
  public static final MediaLimits DEFAULT = new MediaLimits(10L * 1024 * 1024, 5, 40_000_000);

  public MediaLimits {
    if (maxBytes <= 0 || maxFiles <= 0 || maxPixels <= 0) {
      throw new IllegalArgumentException("media limits must be positive: maxBytes=" + maxBytes
          + ", maxFiles=" + maxFiles + ", maxPixels=" + maxPixels);
    }
  }
}
