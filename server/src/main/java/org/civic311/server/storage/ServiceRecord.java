package org.civic311.server.storage;

import java.util.List;
import org.civic311.georeport.ServiceAttribute;
import org.civic311.georeport.ServiceType;

/** One service of a jurisdiction's catalogue, with its definition and what the city adds to it. */
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
    Translations translations) {

  public ServiceRecord {
    attributes = List.copyOf(attributes);
    translations = translations == null ? Translations.NONE : translations;
  }

  /** A service with its texts in the catalogue's language only. */
  public ServiceRecord(String code, String name, String description, ServiceType type, String keywords, String group,
      String serviceNotice, String agencyResponsible, List<ServiceAttribute> attributes, boolean retired) {
    this(code, name, description, type, keywords, group, serviceNotice, agencyResponsible, attributes, retired,
        Translations.NONE);
  }
}
