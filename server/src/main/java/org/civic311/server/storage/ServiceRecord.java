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
    Integer slaDays,
    Translations translations) {

  public ServiceRecord {
    attributes = List.copyOf(attributes);
    translations = translations == null ? Translations.NONE : translations;
  }

  /** A service without a target time ({@code sla_days}), its texts in the catalogue's language only. */
  public ServiceRecord(String code, String name, String description, ServiceType type, String keywords, String group,
      String serviceNotice, String agencyResponsible, List<ServiceAttribute> attributes, boolean retired) {
    this(code, name, description, type, keywords, group, serviceNotice, agencyResponsible, attributes, retired, null,
        Translations.NONE);
  }

  /** A service with a target time (null: none), its texts in the catalogue's language only. */
  public ServiceRecord(String code, String name, String description, ServiceType type, String keywords, String group,
      String serviceNotice, String agencyResponsible, List<ServiceAttribute> attributes, boolean retired,
      Integer slaDays) {
    this(code, name, description, type, keywords, group, serviceNotice, agencyResponsible, attributes, retired,
        slaDays, Translations.NONE);
  }

  /** A service without a target time, with translations. */
  public ServiceRecord(String code, String name, String description, ServiceType type, String keywords, String group,
      String serviceNotice, String agencyResponsible, List<ServiceAttribute> attributes, boolean retired,
      Translations translations) {
    this(code, name, description, type, keywords, group, serviceNotice, agencyResponsible, attributes, retired, null,
        translations);
  }

  /** The same service with another target time in days (null: none). */
  public ServiceRecord withSlaDays(Integer days) {
    return new ServiceRecord(code, name, description, type, keywords, group, serviceNotice, agencyResponsible,
        attributes, retired, days, translations);
  }
}
