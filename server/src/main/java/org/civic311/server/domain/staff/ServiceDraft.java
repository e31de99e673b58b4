package org.civic311.server.domain.staff;

import java.util.List;

/**
 * A service as typed into the catalogue form, not yet checked. Attribute values are written one
 * per line as {@code key=name} (or just {@code key}, which is then also the name).
 */
public record ServiceDraft(String code, String name, String description, String group, String keywords, String type,
    String serviceNotice, String agencyResponsible, List<AttributeDraft> attributes, String slaDays,
    String translations) {

  public ServiceDraft {
    attributes = List.copyOf(attributes);
    slaDays = slaDays == null ? "" : slaDays;
    translations = translations == null ? "" : translations;
  }

  /** A draft with a target time (may be empty) and without translations. */
  public ServiceDraft(String code, String name, String description, String group, String keywords, String type,
      String serviceNotice, String agencyResponsible, List<AttributeDraft> attributes, String slaDays) {
    this(code, name, description, group, keywords, type, serviceNotice, agencyResponsible, attributes, slaDays, "");
  }

  /** A draft without a target time or translations. */
  public ServiceDraft(String code, String name, String description, String group, String keywords, String type,
      String serviceNotice, String agencyResponsible, List<AttributeDraft> attributes) {
    this(code, name, description, group, keywords, type, serviceNotice, agencyResponsible, attributes, "", "");
  }

  /** One attribute row of the form. */
  public record AttributeDraft(String code, String description, String datatype, boolean required, boolean variable,
      String order, String datatypeDescription, String values) {}
}
