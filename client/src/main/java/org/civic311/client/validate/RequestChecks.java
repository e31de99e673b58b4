package org.civic311.client.validate;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.civic311.client.HttpAnswer;
import org.civic311.georeport.DocumentException;
import org.civic311.georeport.DocumentKind;
import org.civic311.georeport.Format;
import org.civic311.georeport.GeoDateTime;
import org.civic311.georeport.ServiceRequest;
import org.civic311.georeport.Status;

/**
 * {@code GET requests} and what hangs off it: the default window and volume, both formats
 * agreeing, each filter of section 3 applied to requests the server itself listed, one request,
 * unknown ids and tokens, a malformed date, an empty jurisdiction, and advertised paging.
 */
final class RequestChecks {
  static final int STANDARD_VOLUME = 1000;
  static final Duration DEFAULT_WINDOW = Duration.ofDays(90);
  /** Some slack for clocks and zones around the 90-day window. */
  static final Duration SLACK = Duration.ofDays(2);
  static final String UNKNOWN = "civic311-validate-no-such-id";
  private final Checks c;

  RequestChecks(Checks checks) {
    this.c = checks;
  }

  /** The default list in XML (and JSON), judged; returns the XML list. */
  List<ServiceRequest> defaults() {
    List<ServiceRequest> xml = list(Format.XML, Map.of());
    if (xml == null) {
      return List.of();
    }
    c.report.checked(Rule.DEFAULT_WINDOW);
    Optional<HttpAnswer> evidence = Optional.empty();
    OffsetDateTime oldest = OffsetDateTime.now(ZoneOffset.UTC).minus(DEFAULT_WINDOW).minus(SLACK);
    long old = xml.stream().filter(r -> r.requestedDatetime().isBefore(oldest)).count();
    if (old > 0 || xml.size() > STANDARD_VOLUME) {
      HttpAnswer a = last;
      c.warning(Rule.DEFAULT_WINDOW, a.call() + " without dates gave " + xml.size() + " requests"
          + (old > 0 ? ", " + old + " of them older than 90 days" : "") + "; the default is the last 90 days,"
          + " at most 1,000", a);
    }
    if (c.formats.contains(Format.JSON)) {
      HttpAnswer xmlAnswer = last;
      List<ServiceRequest> json = list(Format.JSON, Map.of());
      if (json != null) {
        c.report.checked(Rule.FORMATS_AGREE);
        List<String> x = xml.stream().map(ServiceRequest::id).sorted().toList();
        List<String> j = json.stream().map(ServiceRequest::id).sorted().toList();
        if (!x.equals(j)) {
          // New requests may arrive between the two calls: a warning, not an error.
          c.warning(Rule.FORMATS_AGREE, "requests.xml listed " + x.size() + " requests and requests.json " + j.size()
              + (x.size() == j.size() ? " with different ids" : "") + " in two calls in a row", xmlAnswer);
        }
      }
    }
    return xml;
  }

  private HttpAnswer last;

  /** One GET requests, judged as a document; null when it gave no readable list. */
  private List<ServiceRequest> list(Format f, Map<String, String> query) {
    Optional<HttpAnswer> answer = c.get("requests", f, query);
    if (answer.isEmpty()) {
      return null;
    }
    HttpAnswer a = answer.get();
    last = a;
    if (!a.ok()) {
      c.report.checked(Rule.DOCUMENT_SHAPE);
      c.error(Rule.DOCUMENT_SHAPE, a.call() + " answered " + a.status() + " instead of a request list", a);
      return null;
    }
    c.document(DocumentKind.REQUESTS, f, a);
    try {
      return Checks.READER.requests(a.body(), f);
    } catch (DocumentException e) {
      return null;
    }
  }

  /** The filters, tried on requests the server listed; skipped when it listed none. */
  void filters(List<ServiceRequest> known) {
    if (known.isEmpty()) {
      c.report.note("the server listed no request in its default window, so the filters, single requests"
          + " and paging were not checked");
      return;
    }
    ServiceRequest r = known.get(0);
    for (Status s : Status.values()) {
      filter(Rule.FILTER_STATUS, Map.of("status", s.wireName()), x -> x.status() == s,
          "status=" + s.wireName(), null);
    }
    filter(Rule.FILTER_SERVICE_CODE, Map.of("service_code", r.serviceCode()),
        x -> x.serviceCode().equals(r.serviceCode()), "service_code=" + r.serviceCode(), r.id());
    OffsetDateTime from = r.requestedDatetime().minusHours(1);
    OffsetDateTime to = r.requestedDatetime().plusHours(1);
    Map<String, String> window = new java.util.LinkedHashMap<>();
    window.put("start_date", GeoDateTime.format(from));
    window.put("end_date", GeoDateTime.format(to));
    filter(Rule.FILTER_DATES, window,
        x -> !x.requestedDatetime().isBefore(from) && !x.requestedDatetime().isAfter(to),
        "start_date and end_date two hours apart", r.id());
    filter(Rule.FILTER_ID, Map.of("service_request_id", r.id()), x -> x.id().equals(r.id()),
        "service_request_id=" + r.id(), r.id());
  }

  private void filter(Rule rule, Map<String, String> query, Predicate<ServiceRequest> match, String what,
      String mustInclude) {
    List<ServiceRequest> got = list(Format.XML, query);
    if (got == null) {
      return;
    }
    c.report.checked(rule);
    long wrong = got.stream().filter(match.negate()).count();
    if (wrong > 0) {
      c.error(rule, last.call() + " with " + what + " gave " + wrong + " of " + got.size()
          + " requests that do not match: the filter is ignored or wrong", last);
    } else if (mustInclude != null && got.stream().noneMatch(x -> x.id().equals(mustInclude))) {
      c.error(rule, last.call() + " with " + what + " left out request " + mustInclude + ", which matches", last);
    }
  }

  /** requests/{id} in each format, and an unknown id's and token's 404. */
  void single(List<ServiceRequest> known) {
    if (!known.isEmpty()) {
      String id = known.get(0).id();
      for (Format f : c.formats) {
        Optional<HttpAnswer> answer = c.get("requests/" + Checks.segment(id), f, Map.of());
        if (answer.isEmpty()) {
          continue;
        }
        HttpAnswer a = answer.get();
        c.report.checked(Rule.SINGLE_REQUEST);
        if (!a.ok()) {
          c.error(Rule.SINGLE_REQUEST, a.call() + " answered " + a.status() + " for request " + id
              + ", which the server listed", a);
          continue;
        }
        c.document(DocumentKind.REQUESTS, f, a);
        try {
          List<ServiceRequest> one = Checks.READER.requests(a.body(), f);
          if (one.size() != 1 || !one.get(0).id().equals(id)) {
            c.error(Rule.SINGLE_REQUEST, a.call() + " gave " + one.size() + " requests, not the one request " + id, a);
          }
        } catch (DocumentException e) {
          // reported by the document check
        }
      }
    }
    for (Format f : c.formats) {
      c.get("requests/" + UNKNOWN, f, Map.of()).ifPresent(a ->
          c.errorAnswer(Rule.NOT_FOUND_STATUS, 404, f, a, "an unknown request id"));
    }
    c.get("tokens/" + UNKNOWN, Format.XML, Map.of()).ifPresent(a ->
        c.errorAnswer(Rule.NOT_FOUND_STATUS, 404, Format.XML, a, "an unknown token"));
  }

  /** A malformed start_date (a 400 naming it), and an empty jurisdiction_id (the same as none). */
  void parameters() {
    for (Format f : c.formats) {
      c.get("requests", f, Map.of("start_date", "not-a-date")).ifPresent(a -> {
        c.errorAnswer(Rule.BAD_PARAMETER, 400, f, a, "start_date=not-a-date");
        if (a.ok()) {
          return;
        }
        if (!a.excerpt(4000).contains("start_date")) {
          c.warning(Rule.BAD_PARAMETER, a.call() + ": the error does not name start_date, the parameter at fault", a);
        }
      });
    }
    if (c.jurisdiction == null) {
      Optional<HttpAnswer> answer = c.probe.get("GET services.xml", c.url("services", Format.XML,
          Map.of("jurisdiction_id", "")));
      answer.ifPresent(a -> {
        c.report.checked(Rule.EMPTY_JURISDICTION);
        if (!a.ok()) {
          c.warning(Rule.EMPTY_JURISDICTION, a.call() + " with an empty jurisdiction_id answered " + a.status()
              + "; clients send it empty, and empty means absent", a);
        }
      });
    }
  }

  /** When discovery advertises paging: page_size=1 gives at most one request. */
  void paging(boolean advertised, List<ServiceRequest> known) {
    if (!advertised || known.size() < 2) {
      return;
    }
    List<ServiceRequest> got = list(Format.XML, Map.of("page_size", "1"));
    if (got == null) {
      return;
    }
    c.report.checked(Rule.PAGING);
    if (got.size() > 1) {
      c.error(Rule.PAGING, last.call() + " with page_size=1 gave " + got.size()
          + " requests, though discovery advertises paging", last);
    }
  }
}
