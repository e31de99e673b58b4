package org.civic311.server.storage;

import java.util.List;
import org.civic311.georeport.ServiceAttribute;
import org.civic311.georeport.ServiceType;

/**
 * One service of a jurisdiction's catalogue, with its definition and what the city adds to it:
 * {@code slaDays} is its target time to close, in days, or null.
 */
public record ServiceRecord(
    String code,
    String name,
    String description,
    ServiceType type,
    String keywords,
    String group,
    String serviceNotice,
    String agencyResponsible,
    List<ServiceAttribute> attributes,
    boolean retired,
    Integer slaDays) {

  public ServiceRecord {
    attributes = List.copyOf(attributes);
  }

  /** A service without a target time ({@code sla_days}). */
  public ServiceRecord(String code, String name, String description, ServiceType type, String keywords, String group,
      String serviceNotice, String agencyResponsible, List<ServiceAttribute> attributes, boolean retired) {
    this(code, name, description, type, keywords, group, serviceNotice, agencyResponsible, attributes, retired, null);
  }

  /** The same service with another target time in days (null: none). */
  public ServiceRecord withSlaDays(Integer days) {
    return new ServiceRecord(code, name, description, type, keywords, group, serviceNotice, agencyResponsible,
        attributes, retired, days);
  }
}
