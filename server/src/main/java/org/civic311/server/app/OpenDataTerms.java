package org.civic311.server.app;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civic311.server.config.Configuration;
import org.civic311.server.config.JurisdictionSettings;
import org.civic311.server.config.OpenDataSettings;
import org.civic311.server.domain.opendata.DataCatalogue;
import org.civic311.server.domain.opendata.Terms;

/** The open-data terms of each jurisdiction from its {@code open_data:}, the defaults filled in field by field. */
final class OpenDataTerms {
  private static final Pattern EMAIL = Pattern.compile("[^@\\s<>(),;:\"]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

  private OpenDataTerms() {}

  static Map<String, Terms> of(Configuration config) {
    String contact = firstEmail(config.server().contact());
    Map<String, Terms> out = new HashMap<>();
    for (JurisdictionSettings j : config.jurisdictions()) {
      OpenDataSettings o = j.openData();
      Terms d = DataCatalogue.defaults(j.name(), contact);
      out.put(j.id(), new Terms(o.licence() != null ? o.licence() : d.licence(),
          o.licenceName() != null ? o.licenceName() : d.licenceName(),
          o.publisher() != null ? o.publisher() : d.publisher(),
          o.contactEmail() != null ? o.contactEmail() : d.contactEmail()));
    }
    return out;
  }

  /** {@code server.contact} is free text ("311 team, 311@example.org"); DCAT-US wants an address. */
  private static String firstEmail(String contact) {
    Matcher m = EMAIL.matcher(contact == null ? "" : contact);
    return m.find() ? m.group() : null;
  }
}
