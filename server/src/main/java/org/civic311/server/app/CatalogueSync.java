package org.civic311.server.app;

import java.util.ArrayList;
import java.util.List;
import org.civic311.georeport.AttributeValue;
import org.civic311.georeport.Datatype;
import org.civic311.georeport.ServiceAttribute;
import org.civic311.georeport.ServiceType;
import org.civic311.server.config.ApiKeySettings;
import org.civic311.server.config.AttributeSettings;
import org.civic311.server.config.Configuration;
import org.civic311.server.config.JurisdictionSettings;
import org.civic311.server.config.ServiceSettings;
import org.civic311.server.domain.ApiKeys;
import org.civic311.server.storage.CatalogueStore;
import org.civic311.server.storage.JurisdictionRecord;
import org.civic311.server.storage.ServiceRecord;

/**
 * Makes the database hold the jurisdictions, catalogues and API keys of the configuration file.
 * Runs at every start; a catalogue that did not change keeps its changeset.
 */
final class CatalogueSync {
  private CatalogueSync() {}

  /** Returns how many jurisdictions had catalogue changes. */
  static int apply(Configuration config, CatalogueStore catalogue, ApiKeys keys, long now) {
    int changed = 0;
    for (JurisdictionSettings j : config.jurisdictions()) {
      List<ServiceRecord> services = new ArrayList<>();
      for (ServiceSettings s : j.services()) {
        services.add(service(s));
      }
      if (j.mirror() != null) {
        // A mirror's catalogue is its source's, copied by the harvest: kept as it is here.
        services = catalogue.services(j.id()).stream().filter(s -> !s.retired()).toList();
      }
      if (catalogue.synchronize(new JurisdictionRecord(j.id(), j.name(), j.timeZone(), now), services, now)) {
        changed++;
      }
      for (ApiKeySettings k : j.apiKeys()) {
        keys.adopt(j.id(), k.key(), k.label());
      }
    }
    return changed;
  }

  private static ServiceRecord service(ServiceSettings s) {
    List<ServiceAttribute> attributes = new ArrayList<>();
    for (AttributeSettings a : s.attributes()) {
      List<AttributeValue> values = new ArrayList<>();
      for (AttributeSettings.ValueSettings v : a.values()) {
        values.add(new AttributeValue(v.key(), v.name()));
      }
      attributes.add(new ServiceAttribute(a.variable(), a.code(), Datatype.ofWireName(a.datatype()), a.required(),
          a.datatypeDescription(), a.order(), a.description(), values));
    }
    attributes.sort(java.util.Comparator.comparingInt(ServiceAttribute::order));
    return new ServiceRecord(s.code(), s.name(), s.description(), ServiceType.ofWireName(s.type()), s.keywords(),
        s.group(), s.serviceNotice(), s.agencyResponsible(), attributes, false, s.slaDays(), translations(s));
  }

  /** The file's translations of a service and of its attributes, as one set of texts per language. */
  static org.civic311.server.storage.Translations translations(ServiceSettings s) {
    java.util.Map<String, java.util.Map<String, String>> all = new java.util.TreeMap<>();
    s.translations().forEach((language, t) -> {
      java.util.Map<String, String> texts = all.computeIfAbsent(language, l -> new java.util.HashMap<>());
      put(texts, "name", t.name());
      put(texts, "description", t.description());
      put(texts, "group", t.group());
      put(texts, "service_notice", t.serviceNotice());
    });
    for (AttributeSettings a : s.attributes()) {
      a.translations().forEach((language, t) -> {
        java.util.Map<String, String> texts = all.computeIfAbsent(language, l -> new java.util.HashMap<>());
        put(texts, org.civic311.server.storage.Translations.attribute(a.code()), t.description());
        t.values().forEach((key, name) -> put(texts, org.civic311.server.storage.Translations.value(a.code(), key),
            name));
      });
    }
    return new org.civic311.server.storage.Translations(all);
  }

  private static void put(java.util.Map<String, String> texts, String field, String text) {
    if (text != null) {
      texts.put(field, text);
    }
  }
}
