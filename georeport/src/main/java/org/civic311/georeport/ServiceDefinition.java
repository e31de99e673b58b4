package org.civic311.georeport;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** The attributes of one service ({@code GET services/{service_code}}), kept in {@code order}. */
public record ServiceDefinition(String serviceCode, List<ServiceAttribute> attributes) {
  public ServiceDefinition {
    Objects.requireNonNull(serviceCode, "serviceCode");
    attributes = attributes.stream().sorted(Comparator.comparingInt(ServiceAttribute::order)).toList();
  }
}
