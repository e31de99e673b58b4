package org.civic311.georeport;

import java.util.List;

/**
 * One endpoint listed by discovery.
 *
 * @param specification the specification URL token, such as {@code http://wiki.open311.org/GeoReport_v2}
 * @param url           the base URL of the endpoint
 * @param changeset     when the endpoint's catalogue last changed, ISO 8601
 * @param type          {@code production} or {@code test}
 * @param formats       MIME types served
 */
public record Endpoint(String specification, String url, String changeset, String type, List<String> formats) {
  public Endpoint {
    formats = List.copyOf(formats);
  }
}
