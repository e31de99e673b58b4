package org.civic311.georeport;

import java.util.Objects;

/**
 * A whole GeoReport document: the XML root element name (dropped in JSON) and its body.
 * Build them with {@link Documents}; write them with {@link DocumentWriter}.
 */
public record Document(String rootName, Node body) {
  public Document {
    Objects.requireNonNull(rootName, "rootName");
    Objects.requireNonNull(body, "body");
  }
}
