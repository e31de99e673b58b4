package org.civic311.client.validate;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.civic311.client.ClientConfig;
import org.civic311.client.GeoReportClient;
import org.civic311.client.HttpAnswer;
import org.civic311.client.Transport;
import org.civic311.georeport.DocumentException;
import org.civic311.georeport.Endpoint;
import org.civic311.georeport.Format;
import org.civic311.georeport.Service;
import org.civic311.georeport.ServiceRequest;

/**
 * Checks any Open311 GeoReport v2 endpoint from outside, as {@code civic311 validate} does:
 * discovery, services and definitions, requests with their defaults and filters, single
 * requests, tokens, errors and status codes, in XML and (when served) JSON; with a service to
 * post to, a real POST and its read-back. Each {@link Finding} names its {@link Rule}, the
 * section of GEOREPORT.md, an error or a warning, and the evidence.
 *
 * <p>Polite and bounded: at most {@link Options#maxCalls()} calls with a pause between them,
 * each limited in time and size; nothing is ever posted unless a service is named. It never
 * throws for anything an endpoint does: an unreachable URL, a page that is not Open311, a
 * server that hangs or sends gigabytes all end the run early with a finding.
 *
 * <p>Stateless; {@link #run} may be called from several threads at once.
 */
public final class Validator {
  /** The user agent of the validator's calls. */
  public static final String USER_AGENT = "civic311-validate/0.1";

  /** Validates the endpoint {@code options} names. */
  public Report run(Options options) {
    Report report = new Report(options.url());
    ClientConfig config;
    try {
      Duration connect = options.callTimeout().compareTo(Duration.ofSeconds(10)) < 0
          ? options.callTimeout() : Duration.ofSeconds(10);
      config = ClientConfig.builder().baseUrl(options.url()).callTimeout(options.callTimeout())
          .connectTimeout(connect).maxAnswerBytes(options.maxAnswerBytes()).maxRetries(1)
          .maxRetryWait(Duration.ofSeconds(5)).userAgent(USER_AGENT).build();
    } catch (IllegalArgumentException e) {
      report.add(new Finding(Rule.REACHABLE, Severity.ERROR, e.getMessage(), Evidence.noAnswer("-", options.url())));
      return report;
    }
    Probe probe = new Probe(new Transport(config), report, options.delay(), options.maxCalls());
    try {
      check(options, config.baseUrl(), probe, report);
    } catch (RuntimeException e) {
      // Whatever an endpoint sends, the user gets a report, never a stack trace.
      report.failed("the validator stopped on an answer it did not foresee (" + e + "); please report it");
    } finally {
      report.calls(probe.calls());
    }
    return report;
  }

  private static void check(Options options, URI url, Probe probe, Report report) {
    String path = url.getPath().toLowerCase(Locale.ROOT);
    boolean discoveryUrl = path.endsWith("/discovery.xml") || path.endsWith("/discovery.json");
    URI base = discoveryUrl ? null : withoutDocument(url);
    CatalogueChecks.Facts facts;
    if (discoveryUrl) {
      Checks first = new Checks(probe, report, url, options.jurisdiction());
      Optional<HttpAnswer> answer = probe.get("GET " + path.substring(path.lastIndexOf('/') + 1), url);
      if (answer.isEmpty()) {
        return;
      }
      facts = new CatalogueChecks(first).judge(List.of(answer.get()));
      base = endpoint(answer.get(), url, report);
      if (base == null) {
        return;
      }
    } else {
      facts = new CatalogueChecks(new Checks(probe, report, base, options.jurisdiction())).discovery();
      if (report.findings().stream().anyMatch(f -> f.rule() == Rule.REACHABLE) && !probe.usable()) {
        return;
      }
    }
    Checks c = new Checks(probe, report, base, options.jurisdiction());
    CatalogueChecks catalogue = new CatalogueChecks(c);
    Optional<List<Service>> services = catalogue.services();
    if (services.isEmpty() || !probe.usable()) {
      return;
    }
    catalogue.jsonOffered(facts.json(), services.get());
    catalogue.definitions(services.get());
    RequestChecks requests = new RequestChecks(c);
    List<ServiceRequest> known = requests.defaults();
    requests.filters(known);
    requests.single(known);
    requests.parameters();
    requests.paging(facts.paging(), known);
    if (options.postService() != null) {
      new PostChecks(c, options.apiKey()).run(options.postService(), services.get(), known);
    }
  }

  /** The base URL when the user gave the URL of a document under it ({@code .../services.xml}). */
  private static URI withoutDocument(URI url) {
    String s = url.toString();
    int q = s.indexOf('?');
    if (q >= 0) {
      s = s.substring(0, q);
    }
    for (String doc : List.of("/services.xml", "/services.json", "/requests.xml", "/requests.json")) {
      if (s.toLowerCase(Locale.ROOT).endsWith(doc)) {
        return URI.create(s.substring(0, s.length() - doc.length()));
      }
    }
    return URI.create(s);
  }

  /** The GeoReport v2 endpoint a discovery answer names; null (after a finding) when there is none. */
  private static URI endpoint(HttpAnswer a, URI discovery, Report report) {
    Format f = discovery.getPath().endsWith(".json") ? Format.JSON : Format.XML;
    List<Endpoint> endpoints = new ArrayList<>();
    try {
      if (a.ok()) {
        endpoints.addAll(Checks.READER.discovery(a.body(), f).endpoints());
      }
    } catch (DocumentException e) {
      // judged below
    }
    Endpoint chosen = null;
    for (Endpoint e : endpoints) {
      boolean v2 = GeoReportClient.SPECIFICATION.equalsIgnoreCase(String.valueOf(e.specification()));
      if (v2 && e.url() != null && (chosen == null || "production".equalsIgnoreCase(e.type())
          && !"production".equalsIgnoreCase(chosen.type()))) {
        chosen = e;
      }
    }
    if (chosen == null) {
      report.add(new Finding(Rule.DISCOVERY, Severity.ERROR, a.call() + " names no GeoReport v2 endpoint with a URL"
          + " (HTTP " + a.status() + "); give the endpoint's base URL instead", Checks.evidence(a)));
      return null;
    }
    try {
      return discovery.resolve(URI.create(chosen.url().trim().replaceAll("/+$", "")));
    } catch (IllegalArgumentException e) {
      report.add(new Finding(Rule.DISCOVERY, Severity.ERROR, a.call() + " names an endpoint URL that is not a URL: '"
          + chosen.url() + "'", Checks.evidence(a)));
      return null;
    }
  }
}
