package org.civic311.georeport;

import java.util.Locale;
import java.util.Optional;

/** A GeoReport response format, chosen by the file extension of the request path. */
public enum Format {
  XML("xml", "text/xml; charset=utf-8"),
  JSON("json", "application/json; charset=utf-8");

  private final String extension;
  private final String contentType;

  Format(String extension, String contentType) {
    this.extension = extension;
    this.contentType = contentType;
  }

  /** The extension without the dot, {@code xml} or {@code json}. */
  public String extension() {
    return extension;
  }

  /** The {@code Content-Type} header value, with the UTF-8 charset the standard requires. */
  public String contentType() {
    return contentType;
  }

  /** The format for an extension (case-insensitive), or empty when it is not a GeoReport format. */
  public static Optional<Format> ofExtension(String extension) {
    if (extension == null) {
      return Optional.empty();
    }
    return switch (extension.toLowerCase(Locale.ROOT)) {
      case "xml" -> Optional.of(XML);
      case "json" -> Optional.of(JSON);
      default -> Optional.empty();
    };
  }
}
