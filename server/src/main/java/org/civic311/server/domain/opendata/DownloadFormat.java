package org.civic311.server.domain.opendata;

import java.util.Locale;
import java.util.Optional;

/** The formats of the bulk downloads, named by the extension of their file. */
public enum DownloadFormat {
  CSV("csv", "text/csv; charset=utf-8; header=present"),
  GEOJSON("geojson", "application/geo+json"),
  NDJSON("ndjson", "application/x-ndjson");

  private final String extension;
  private final String contentType;

  DownloadFormat(String extension, String contentType) {
    this.extension = extension;
    this.contentType = contentType;
  }

  public String extension() {
    return extension;
  }

  public String contentType() {
    return contentType;
  }

  /** The format a file extension names, such as {@code csv}; empty for any other. */
  public static Optional<DownloadFormat> ofExtension(String extension) {
    String e = extension.toLowerCase(Locale.ROOT);
    for (DownloadFormat f : values()) {
      if (f.extension.equals(e)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
