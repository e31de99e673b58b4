package org.civic311.client.validate;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.civic311.client.FakeServer;
import org.civic311.georeport.AttributeValue;
import org.civic311.georeport.Datatype;
import org.civic311.georeport.Discovery;
import org.civic311.georeport.Document;
import org.civic311.georeport.DocumentWriter;
import org.civic311.georeport.Documents;
import org.civic311.georeport.Endpoint;
import org.civic311.georeport.Format;
import org.civic311.georeport.GeoDateTime;
import org.civic311.georeport.RequestReceipt;
import org.civic311.georeport.Service;
import org.civic311.georeport.ServiceAttribute;
import org.civic311.georeport.ServiceDefinition;
import org.civic311.georeport.ServiceRequest;
import org.civic311.georeport.ServiceType;
import org.civic311.georeport.Status;

/**
 * A small, conformant GeoReport v2 endpoint written for the validator's tests, with defects to
 * plant one at a time. Single jurisdiction, key {@link #KEY}, services LAMP (with a definition)
 * and POT, three requests of the last days, paging advertised. Documents are written by
 * georeport, so without defects it is as conformant as the project's own server.
 */
final class TestEndpoint implements AutoCloseable {
  static final String KEY = "validator-key";
  static final String BASE = "/open311/v2";

  /** A defect to plant, and the rule that must find it. */
  enum Defect {
    WRONG_CONTENT_TYPE("content-type"),
    MISSING_REQUIRED_FIELD("document-shape"),
    BAD_DATES("datetimes"),
    HTML_ERRORS("error-document"),
    IGNORED_STATUS_FILTER("filter-status"),
    IGNORED_DATE_FILTER("filter-dates"),
    WRONG_NOT_FOUND_STATUS("not-found-is-404"),
    BAD_DATE_ACCEPTED("bad-parameter-is-400"),
    NUMBERS_FOR_IDS("ids-as-strings"),
    NO_XML_DECLARATION("xml-declaration"),
    PERSONAL_DATA("no-personal-data"),
    IGNORED_PAGING("paging"),
    FORMATS_DIFFER("formats-agree"),
    KEYLESS_POST_ACCEPTED("post-needs-key"),
    DROPPED_OPTIONAL_FIELD("absent-fields-kept");

    final String rule;

    Defect(String rule) {
      this.rule = rule;
    }
  }

  private static final DocumentWriter WRITER = new DocumentWriter();
  private final FakeServer server = new FakeServer();
  private final Set<Defect> defects;
  private final List<ServiceRequest> requests = new CopyOnWriteArrayList<>();

  TestEndpoint(Set<Defect> defects) {
    this.defects = defects.isEmpty() ? EnumSet.noneOf(Defect.class) : EnumSet.copyOf(defects);
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
    requests.add(request("101", "LAMP", Status.OPEN, now.minusDays(1)));
    requests.add(request("102", "POT", Status.CLOSED, now.minusDays(2)));
    requests.add(request("103", "LAMP", Status.CLOSED, now.minusDays(3)));
    server.otherwise(this::route);
  }

  private static ServiceRequest request(String id, String code, Status status, OffsetDateTime at) {
    return new ServiceRequest(id, status, null, code.equals("LAMP") ? "Street light" : "Pothole", code, "Seen",
        null, null, at, at, null, "1 High St", null, null, 40.0 + Integer.parseInt(id) / 1000.0, -74.0, null);
  }

  String url() {
    return server.url(BASE);
  }

  List<String> calls() {
    return server.calls();
  }

  @Override
  public void close() {
    server.close();
  }

  private boolean has(Defect d) {
    return defects.contains(d);
  }

  private void route(FakeServer.Call c) throws IOException {
    String path = c.path();
    if (!path.startsWith(BASE + "/")) {
      notFound(c, Format.XML, "no such path");
      return;
    }
    String rest = path.substring(BASE.length() + 1);
    int dot = rest.lastIndexOf('.');
    Format format = dot < 0 ? null : Format.ofExtension(rest.substring(dot + 1)).orElse(null);
    if (format == null) {
      notFound(c, Format.XML, "no such path");
      return;
    }
    String name = URLDecoder.decode(rest.substring(0, dot), StandardCharsets.UTF_8);
    Map<String, String> q = query(c.query());
    if (c.method().equals("POST")) {
      q.putAll(query(c.bodyText()));
      if (name.equals("requests")) {
        post(c, format, q);
      } else {
        notFound(c, format, "no such path");
      }
      return;
    }
    if (name.equals("discovery")) {
      Discovery d = new Discovery("2024-01-01T00:00:00+00:00", "tests@example.org", "ask tests@example.org",
          List.of(new Endpoint("http://wiki.open311.org/GeoReport_v2", url(), "2024-01-01T00:00:00+00:00",
              "test", List.of("text/xml", "application/json"))));
      ok(c, format, Documents.discovery(d, Map.of("page_size_max", 1000)));
    } else if (name.equals("services")) {
      services(c, format);
    } else if (name.startsWith("services/")) {
      String code = name.substring("services/".length());
      if (code.equals("LAMP")) {
        ok(c, format, Documents.serviceDefinition(new ServiceDefinition("LAMP", List.of(
            new ServiceAttribute(true, "FAULT", Datatype.SINGLEVALUELIST, true, null, 1, "What is wrong?",
                List.of(new AttributeValue("DARK", "Not lit"), new AttributeValue("DAY", "Lit by day")))))));
      } else {
        notFound(c, format, "service_code '" + code + "' is not a service");
      }
    } else if (name.equals("requests")) {
      search(c, format, q);
    } else if (name.startsWith("requests/")) {
      String id = name.substring("requests/".length());
      List<ServiceRequest> one = requests.stream().filter(r -> r.id().equals(id)).toList();
      if (one.isEmpty() && !has(Defect.WRONG_NOT_FOUND_STATUS)) {
        notFound(c, format, "no request " + id);
      } else {
        ok(c, format, Documents.requests(one));
      }
    } else if (name.startsWith("tokens/")) {
      notFound(c, format, "no token " + name.substring("tokens/".length()));
    } else {
      notFound(c, format, "no such path");
    }
  }

  private void services(FakeServer.Call c, Format format) throws IOException {
    List<Service> services = new ArrayList<>(List.of(
        new Service("LAMP", "Street light", "Lamp out", true, ServiceType.REALTIME, "lamp", "Lighting"),
        new Service("POT", "Pothole", null, false, ServiceType.REALTIME, null, "Roads")));
    if (has(Defect.FORMATS_DIFFER) && format == Format.JSON) {
      services.remove(1);
    }
    byte[] body = WRITER.write(Documents.services(services), format);
    String text = new String(body, StandardCharsets.UTF_8);
    if (has(Defect.MISSING_REQUIRED_FIELD)) {
      text = format == Format.XML ? text.replace("<metadata>false</metadata>", "")
          : text.replace("\"metadata\":false,", "");
    }
    if (has(Defect.DROPPED_OPTIONAL_FIELD)) {
      text = format == Format.XML ? text.replace("<keywords/>", "").replace("<keywords></keywords>", "")
          : text.replace("\"keywords\":null,", "");
    }
    String type = has(Defect.WRONG_CONTENT_TYPE) && format == Format.XML ? "text/html; charset=utf-8"
        : format.contentType();
    send(c, 200, type, text, format);
  }

  private void search(FakeServer.Call c, Format format, Map<String, String> q) throws IOException {
    List<ServiceRequest> hits = new ArrayList<>(requests);
    if (q.containsKey("service_request_id")) {
      List<String> ids = List.of(q.get("service_request_id").split(","));
      hits.removeIf(r -> !ids.contains(r.id()));
    } else {
      if (q.containsKey("service_code")) {
        hits.removeIf(r -> !r.serviceCode().equals(q.get("service_code")));
      }
      if (q.containsKey("status") && !has(Defect.IGNORED_STATUS_FILTER)) {
        hits.removeIf(r -> !r.status().wireName().equals(q.get("status")));
      }
      OffsetDateTime from;
      OffsetDateTime to;
      try {
        from = q.containsKey("start_date") ? GeoDateTime.parse(q.get("start_date"), ZoneOffset.UTC) : null;
        to = q.containsKey("end_date") ? GeoDateTime.parse(q.get("end_date"), ZoneOffset.UTC) : null;
      } catch (IllegalArgumentException e) {
        if (has(Defect.BAD_DATE_ACCEPTED)) {
          from = null;
          to = null;
        } else {
          error(c, format, 400, "start_date '" + q.get("start_date") + "' is not a datetime");
          return;
        }
      }
      if (!has(Defect.IGNORED_DATE_FILTER)) {
        OffsetDateTime f = from;
        OffsetDateTime t = to;
        hits.removeIf(r -> f != null && r.requestedDatetime().isBefore(f) || t != null && r.requestedDatetime().isAfter(t));
      }
      if (q.containsKey("page_size") && !has(Defect.IGNORED_PAGING)) {
        hits = hits.subList(0, Math.min(hits.size(), Integer.parseInt(q.get("page_size"))));
      }
    }
    ok(c, format, Documents.requests(hits));
  }

  private void post(FakeServer.Call c, Format format, Map<String, String> q) throws IOException {
    if (!KEY.equals(q.get("api_key")) && !has(Defect.KEYLESS_POST_ACCEPTED)) {
      error(c, format, 403, "api_key is missing or wrong");
      return;
    }
    String code = q.get("service_code");
    if (!"LAMP".equals(code) && !"POT".equals(code)) {
      error(c, format, 404, "service_code '" + code + "' is not a service");
      return;
    }
    if ("LAMP".equals(code) && q.get("attribute[FAULT]") == null) {
      error(c, format, 400, "attribute[FAULT] is required");
      return;
    }
    String id = Integer.toString(101 + requests.size());
    requests.add(0, request(id, code, Status.OPEN, OffsetDateTime.now(ZoneOffset.UTC).withNano(0)));
    ok(c, format, Documents.receipt(RequestReceipt.ofId(id, null)));
  }

  private void ok(FakeServer.Call c, Format format, Document d) throws IOException {
    String text = new String(WRITER.write(d, format), StandardCharsets.UTF_8);
    if (d.rootName().equals("service_requests") && text.contains("requested_datetime")) {
      text = requestDefects(text, format);
    }
    send(c, 200, format.contentType(), text, format);
  }

  private String requestDefects(String text, Format format) {
    if (has(Defect.BAD_DATES)) {
      // The oldest request's time written without its zone, a space for the T.
      ServiceRequest r = requests.get(requests.size() - 1);
      String good = GeoDateTime.format(r.requestedDatetime());
      String bad = r.requestedDatetime().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
      String field = format == Format.XML ? "<requested_datetime>" : "\"requested_datetime\":\"";
      text = text.replace(field + good, field + bad);
    }
    if (has(Defect.NUMBERS_FOR_IDS) && format == Format.JSON) {
      text = text.replaceAll("\"service_request_id\":\"(\\d+)\"", "\"service_request_id\":$1");
    }
    if (has(Defect.PERSONAL_DATA)) {
      text = format == Format.XML ? text.replace("<address>", "<email>someone@example.org</email><address>")
          : text.replace("\"address\":", "\"email\":\"someone@example.org\",\"address\":");
    }
    return text;
  }

  private void notFound(FakeServer.Call c, Format format, String description) throws IOException {
    if (has(Defect.HTML_ERRORS)) {
      c.answer(404, "text/html; charset=utf-8", "<!DOCTYPE html><html><head><title>404 Not Found</title></head>"
          + "<body><h1>Not Found</h1></body></html>");
      return;
    }
    error(c, format, 404, description);
  }

  private void error(FakeServer.Call c, Format format, int status, String description) throws IOException {
    send(c, status, format.contentType(), new String(WRITER.write(Documents.error(status, description), format),
        StandardCharsets.UTF_8), format);
  }

  private void send(FakeServer.Call c, int status, String type, String text, Format format) throws IOException {
    if (has(Defect.NO_XML_DECLARATION) && format == Format.XML) {
      text = text.replaceFirst("^<\\?xml[^>]*\\?>", "");
    }
    c.answer(status, type, text);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return q;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      if (!v.isEmpty()) {
        q.put(k, v);
      }
    }
    return q;
  }
}
