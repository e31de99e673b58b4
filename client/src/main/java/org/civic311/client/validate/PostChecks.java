package org.civic311.client.validate;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civic311.client.HttpAnswer;
import org.civic311.client.NewRequest;
import org.civic311.georeport.DocumentException;
import org.civic311.georeport.DocumentKind;
import org.civic311.georeport.Format;
import org.civic311.georeport.GeoDateTime;
import org.civic311.georeport.RequestReceipt;
import org.civic311.georeport.Service;
import org.civic311.georeport.ServiceAttribute;
import org.civic311.georeport.ServiceDefinition;
import org.civic311.georeport.ServiceRequest;

/**
 * Runs only with {@code --post SERVICE}: a POST without a key (which must be refused), one real
 * POST answering every required attribute, and its read-back by id or through its token. Two
 * POSTs at most, each saying in its description that it is a test.
 */
final class PostChecks {
  static final String DESCRIPTION = "Test request from civic311 validate: please close it.";
  private final Checks c;
  private final String apiKey;

  PostChecks(Checks checks, String apiKey) {
    this.c = checks;
    this.apiKey = apiKey;
  }

  void run(String serviceCode, List<Service> services, List<ServiceRequest> known) {
    Service service = services.stream().filter(s -> s.code().equals(serviceCode)).findFirst().orElse(null);
    if (service == null) {
      c.report.note("--post " + serviceCode + ": the server lists no such service, so nothing was posted");
      return;
    }
    NewRequest.Builder request = NewRequest.builder(serviceCode).description(DESCRIPTION)
        .address("Civic311 validation test");
    known.stream().filter(r -> r.lat() != null && r.lon() != null && Math.abs(r.lat()) <= 90
        && Math.abs(r.lon()) <= 180).findFirst()
        .ifPresent(r -> request.location(r.lat(), r.lon()));
    if (service.metadata()) {
      definition(serviceCode).ifPresent(d -> answers(d, request));
    }
    List<Map.Entry<String, String>> fields = request.build().formFields();

    post("POST requests.xml without api_key", fields).ifPresent(a -> {
      c.errorAnswer(Rule.POST_NEEDS_KEY, 403, Format.XML, a, "a POST without api_key");
      if (a.ok()) {
        c.report.note("the server took a POST without api_key: a test request may have been filed");
      }
    });
    if (apiKey == null) {
      c.report.note("--post without --api-key: only the refusal of a keyless POST was checked");
      return;
    }
    List<Map.Entry<String, String>> keyed = new ArrayList<>();
    keyed.add(Map.entry("api_key", apiKey));
    keyed.addAll(fields);
    post("POST requests.xml", keyed).ifPresent(this::judgeReply);
  }

  private Optional<ServiceDefinition> definition(String code) {
    return c.get("services/" + Checks.segment(code), Format.XML, Map.of()).filter(HttpAnswer::ok).flatMap(a -> {
      try {
        return Optional.of(Checks.READER.serviceDefinition(a.body(), Format.XML));
      } catch (DocumentException e) {
        return Optional.empty();
      }
    });
  }

  /** A plausible answer to every required attribute: the first key of a list, 1, now, a word. */
  private static void answers(ServiceDefinition d, NewRequest.Builder request) {
    for (ServiceAttribute a : d.attributes()) {
      if (!a.required() || !a.variable()) {
        continue;
      }
      String value = switch (a.datatype()) {
        case SINGLEVALUELIST, MULTIVALUELIST -> a.values().isEmpty() ? "test" : a.values().get(0).key();
        case NUMBER -> "1";
        case DATETIME -> GeoDateTime.format(OffsetDateTime.now(ZoneOffset.UTC).withNano(0));
        default -> "test";
      };
      request.attribute(a.code(), value);
    }
  }

  private Optional<HttpAnswer> post(String call, List<Map.Entry<String, String>> fields) {
    Map<String, String> none = Map.of();
    HttpRequest.Builder r = HttpRequest.newBuilder(c.url("requests", Format.XML, none))
        .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(form(fields), StandardCharsets.UTF_8));
    return c.probe.send(call, r, false);
  }

  private static String form(List<Map.Entry<String, String>> fields) {
    StringBuilder s = new StringBuilder();
    for (Map.Entry<String, String> f : fields) {
      s.append(s.length() == 0 ? "" : "&").append(java.net.URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8))
          .append('=').append(java.net.URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8));
    }
    return s.toString();
  }

  private void judgeReply(HttpAnswer a) {
    c.report.checked(Rule.POST_REPLY);
    if (!a.ok()) {
      c.error(Rule.POST_REPLY, a.call() + " answered " + a.status() + " to a request answering every required"
          + " attribute", a);
      return;
    }
    c.document(DocumentKind.POST_REPLY, Format.XML, a);
    RequestReceipt receipt;
    try {
      List<RequestReceipt> receipts = Checks.READER.receipts(a.body(), Format.XML);
      if (receipts.isEmpty()) {
        return;
      }
      receipt = receipts.get(0);
    } catch (DocumentException e) {
      return;
    }
    String id = receipt.serviceRequestId();
    if (id == null && receipt.token() != null) {
      id = resolve(receipt.token());
    }
    if (id != null) {
      readBack(id);
    } else if (receipt.token() == null) {
      c.report.note("the POST was answered with a notice only (a blackbox service): nothing to read back");
    }
  }

  private String resolve(String token) {
    Optional<HttpAnswer> answer = c.get("tokens/" + Checks.segment(token), Format.XML, Map.of());
    if (answer.isEmpty()) {
      return null;
    }
    HttpAnswer a = answer.get();
    c.report.checked(Rule.POST_READ_BACK);
    if (!a.ok()) {
      c.warning(Rule.POST_READ_BACK, a.call() + " answered " + a.status() + " for the token the POST gave;"
          + " the request may not be made yet", a);
      return null;
    }
    c.document(DocumentKind.TOKEN_REPLY, Format.XML, a);
    try {
      List<RequestReceipt> r = Checks.READER.receipts(a.body(), Format.XML);
      return r.isEmpty() ? null : r.get(0).serviceRequestId();
    } catch (DocumentException e) {
      return null;
    }
  }

  private void readBack(String id) {
    c.get("requests/" + Checks.segment(id), Format.XML, Map.of()).ifPresent(a -> {
      c.report.checked(Rule.POST_READ_BACK);
      List<ServiceRequest> got = null;
      try {
        got = a.ok() ? Checks.READER.requests(a.body(), Format.XML) : null;
      } catch (DocumentException e) {
        got = null;
      }
      if (got == null || got.size() != 1 || !got.get(0).id().equals(id)) {
        c.error(Rule.POST_READ_BACK, a.call() + ": the request " + id + " just posted cannot be read back", a);
      }
    });
  }
}
