package org.civic311.georeport;

import java.util.Objects;

/**
 * One entry of the service list ({@code GET services}).
 *
 * @param code        the unique {@code service_code}
 * @param name        the {@code service_name}
 * @param description a short description, may be null
 * @param metadata    true when the service has a definition with attributes to fetch
 * @param type        how a POST to this service is answered
 * @param keywords    comma-separated tags, may be null
 * @param group       the category, may be null
 */
public record Service(
    String code,
    String name,
    String description,
    boolean metadata,
    ServiceType type,
    String keywords,
    String group) {

  public Service {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }
}
