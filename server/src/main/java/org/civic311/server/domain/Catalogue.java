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
