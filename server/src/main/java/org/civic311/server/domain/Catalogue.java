package org.civic311.server.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civic311.georeport.Service;
import org.civic311.georeport.ServiceDefinition;
import org.civic311.server.storage.ServiceRecord;

/** The active services of one jurisdiction at one changeset. Immutable. */
public final class Catalogue {
  private final Jurisdiction jurisdiction;
  private final Instant changeset;
  private final Map<String, ServiceRecord> byCode = new LinkedHashMap<>();
  private final List<Service> services = new ArrayList<>();

  Catalogue(Jurisdiction jurisdiction, Instant changeset, List<ServiceRecord> records) {
    this.jurisdiction = jurisdiction;
    this.changeset = changeset;
    for (ServiceRecord r : records) {
      if (!r.retired()) {
        byCode.put(r.code(), r);
        services.add(new Service(r.code(), r.name(), r.description(), !r.attributes().isEmpty(), r.type(),
            r.keywords(), r.group()));
      }
    }
  }

  public Jurisdiction jurisdiction() {
    return jurisdiction;
  }

  /** When the catalogue last changed. */
  public Instant changeset() {
    return changeset;
  }

  /** The service list as GeoReport publishes it. */
  public List<Service> services() {
    return List.copyOf(services);
  }

  /** The languages any service of this catalogue is translated into, besides the default. */
  public java.util.Set<String> languages() {
    java.util.Set<String> out = new java.util.TreeSet<>();
    byCode.values().forEach(r -> out.addAll(r.translations().languages()));
    return out;
  }

  /** The service list in a language (the default's for null), each text falling back to the default. */
  public List<Service> services(String language) {
    if (language == null) {
      return services();
    }
    List<Service> out = new ArrayList<>();
    for (ServiceRecord original : byCode.values()) {
      ServiceRecord r = Translated.service(original, language);
      out.add(new Service(r.code(), r.name(), r.description(), !r.attributes().isEmpty(), r.type(), r.keywords(),
          r.group()));
    }
    return out;
  }

  /** An active service by code, in a language (the default's for null). */
  public Optional<ServiceRecord> find(String code, String language) {
    return find(code).map(r -> Translated.service(r, language));
  }

  /** The definition of an active service in a language, or a NOT_FOUND refusal. */
  public ServiceDefinition definition(String code, String language) {
    ServiceRecord r = find(code, language).orElseThrow(() -> unknownService(code));
    return new ServiceDefinition(r.code(), r.attributes());
  }

  /** An active service by code. */
  public Optional<ServiceRecord> find(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  /** The definition of an active service, or a NOT_FOUND refusal. */
  public ServiceDefinition definition(String code) {
    ServiceRecord r = find(code).orElseThrow(() -> unknownService(code));
    return new ServiceDefinition(r.code(), r.attributes());
  }

  Refusal unknownService(String code) {
    return Refusal.notFound("service_code '" + code + "' is not a service of jurisdiction " + jurisdiction.id());
  }
}
