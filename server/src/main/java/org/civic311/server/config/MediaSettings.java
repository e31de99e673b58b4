package org.civic311.server.config;

/**
 * Where uploaded photos are kept and how big they may be.
 *
 * @param directory where photos and thumbnails are stored, content-addressed (default {@code media})
 * @param maxBytes  the largest photo accepted (default 10 MiB); larger is a 413 naming the part
 * @param maxFiles  the most photos in one request or update (default 5)
 */
public record MediaSettings(String directory, Long maxBytes, Integer maxFiles) {
  public MediaSettings {
    directory = directory == null || directory.isBlank() ? "media" : directory;
    maxBytes = maxBytes == null ? 10L * 1024 * 1024 : maxBytes;
    maxFiles = maxFiles == null ? 5 : maxFiles;
  }
}
