package org.civic311.client.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civic311.client.HttpAnswer;
import org.civic311.georeport.DocumentException;
import org.civic311.georeport.DocumentKind;
import org.civic311.georeport.Format;
import org.civic311.georeport.Service;

/** Discovery, the service list and service definitions, in each format served. */
final class CatalogueChecks {
  /** Definitions checked at most, to keep the run bounded on catalogues of hundreds. */
  static final int DEFINITIONS = 2;
  static final String UNKNOWN = "civic311-validate-no-such-code";
  private final Checks c;

  CatalogueChecks(Checks checks) {
    this.c = checks;
  }

  /**
   * {@code GET services.xml}, the test of whether this is Open311 at all.
   *
   * @return the services, or empty when the URL does not serve a GeoReport service list
   */
  Optional<List<Service>> services() {
    Optional<HttpAnswer> xml = c.get("services", Format.XML, Map.of());
    if (xml.isEmpty()) {
      return Optional.empty();
    }
    HttpAnswer a = xml.get();
    c.report.checked(Rule.OPEN311);
    List<Service> services;
    try {
      services = a.ok() ? Checks.READER.services(a.body(), Format.XML) : null;
    } catch (DocumentException e) {
      services = null;
    }
    if (services == null) {
      c.error(Rule.OPEN311, a.call() + " did not answer a GeoReport service list (HTTP " + a.status()
          + "): this URL does not look like an Open311 GeoReport v2 endpoint", a);
      return Optional.empty();
    }
    c.document(DocumentKind.SERVICES, Format.XML, a);
    return Optional.of(services);
  }

  /**
   * What discovery says: whether JSON is advertised (null when no discovery could be read) and
   * whether paging is ({@code page_size_max}, {@code page_size_default} or FixMyStreet's
   * {@code max_requests}).
   */
  record Facts(Boolean json, boolean paging) {}

  /** Discovery under the base URL, in both formats. */
  Facts discovery() {
    List<HttpAnswer> answers = new ArrayList<>();
    for (Format f : Format.values()) {
      c.get("discovery", f, Map.of()).ifPresent(answers::add);
    }
    return judge(answers);
  }

  /** Judges discovery answers, in the format each call's path names. */
  Facts judge(List<HttpAnswer> answers) {
    Boolean json = null;
    boolean paging = false;
    for (HttpAnswer a : answers) {
      Format f = a.uri().getPath().endsWith(".json") ? Format.JSON : Format.XML;
      c.report.checked(Rule.DISCOVERY);
      if (!a.ok()) {
        c.warning(Rule.DISCOVERY, a.call() + " answered " + a.status() + ": discovery is required in both formats", a);
        continue;
      }
      c.document(DocumentKind.DISCOVERY, f, a);
      try {
        json = Checks.READER.discovery(a.body(), f).endpoints().stream()
            .anyMatch(e -> e.formats().contains("application/json"));
        var tree = Checks.READER.tree(a.body(), f);
        paging |= tree.has("page_size_max") || tree.has("page_size_default") || tree.has("max_requests");
      } catch (DocumentException e) {
        // reported by the document check
      }
    }
    return new Facts(json, paging);
  }

  /** Decides whether JSON is checked: served, or advertised and then required. */
  void jsonOffered(Boolean advertised, List<Service> xmlServices) {
    Optional<HttpAnswer> answer = c.get("services", Format.JSON, Map.of());
    if (answer.isEmpty()) {
      return;
    }
    HttpAnswer a = answer.get();
    c.report.checked(Rule.JSON_FORMAT);
    List<Service> json = null;
    try {
      json = a.ok() ? Checks.READER.services(a.body(), Format.JSON) : null;
    } catch (DocumentException e) {
      json = null;
    }
    if (json == null) {
      boolean promised = Boolean.TRUE.equals(advertised);
      String message = a.call() + " answered no JSON service list (HTTP " + a.status() + ")"
          + (promised ? " although discovery lists application/json" : "; JSON is optional, so only XML was checked");
      if (promised) {
        c.error(Rule.JSON_FORMAT, message, a);
      } else {
        c.warning(Rule.JSON_FORMAT, message, a);
      }
      return;
    }
    c.formats.add(Format.JSON);
    c.document(DocumentKind.SERVICES, Format.JSON, a);
    c.report.checked(Rule.FORMATS_AGREE);
    List<String> x = xmlServices.stream().map(Service::code).toList();
    List<String> j = json.stream().map(Service::code).toList();
    if (!x.equals(j)) {
      c.error(Rule.FORMATS_AGREE, "services.xml lists " + x.size() + " services and services.json " + j.size()
          + (x.size() == j.size() ? ", with different codes" : "") + "; both formats must list the same", a);
    }
  }

  /** The first few definitions of services with metadata, and an unknown service's 404. */
  void definitions(List<Service> services) {
    List<Service> withMetadata = new ArrayList<>();
    for (Service s : services) {
      if (s.metadata() && withMetadata.size() < DEFINITIONS) {
        withMetadata.add(s);
      }
    }
    for (Service s : withMetadata) {
      for (Format f : c.formats) {
        Optional<HttpAnswer> answer = c.get("services/" + Checks.segment(s.code()), f, Map.of());
        if (answer.isEmpty()) {
          continue;
        }
        HttpAnswer a = answer.get();
        c.report.checked(Rule.DOCUMENT_SHAPE);
        if (!a.ok()) {
          c.error(Rule.DOCUMENT_SHAPE, a.call() + ": the definition of '" + s.code() + "', which has metadata=true,"
              + " answered " + a.status(), a);
          continue;
        }
        c.document(DocumentKind.SERVICE_DEFINITION, f, a);
      }
    }
    for (Format f : c.formats) {
      c.get("services/" + UNKNOWN, f, Map.of()).ifPresent(a ->
          c.errorAnswer(Rule.NOT_FOUND_STATUS, 404, f, a, "an unknown service code"));
    }
  }
}
