package org.civic311.georeport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/** The records behind the golden documents, and access to test resources. */
final class Samples {
  private Samples() {}

  static List<Service> services() {
    return List.of(
        new Service("LAMP", "Street light out", "Lamp dark or flickering", true, ServiceType.REALTIME,
            "lamp,light", "Lighting"),
        new Service("POTHOLE", "Pothole", null, false, ServiceType.BATCH, null, null));
  }

  static ServiceDefinition definition() {
    return new ServiceDefinition("LAMP", List.of(
        new ServiceAttribute(true, "POLE", Datatype.STRING, false, "Number on the pole", 2, "Which pole?",
            List.of()),
        new ServiceAttribute(true, "FAULT", Datatype.MULTIVALUELIST, true, null, 1, "What is wrong?",
            List.of(new AttributeValue("DARK", "Not lit"), new AttributeValue("DAY", "Lit by day")))));
  }

  static List<ServiceRequest> requests() {
    return List.of(
        new ServiceRequest("SR-42", Status.OPEN, null, "Street light out", "LAMP", "Dark since Monday",
            "Highways", null, at("2024-03-04T09:12:00Z"), at("2024-03-04T09:12:00Z"),
            at("2024-03-11T17:00:00Z"), "12 High St", null, "AB1 2CD", 51.5072, -0.1276, null),
        new ServiceRequest("SR-43", Status.CLOSED, "Pole replaced", "Street light out", "LAMP", null,
            null, null, at("2024-03-01T08:00:00+01:00"), at("2024-03-02T16:30:00+01:00"), null,
            "Market Square", "UPRN-1001", null, null, null, "https://example.org/media/43.jpg"));
  }

  /** What {@code extensions=true} adds to {@link #requests()}, one for each. */
  static List<RequestExtensions> extensions() {
    return List.of(
        new RequestExtensions("api", ExtendedStatus.ACTION_SCHEDULED, null, List.of("SR-44"), null, List.of(), 2,
            List.of(new RequestExtensions.Answer("FAULT", "DARK"), new RequestExtensions.Answer("FAULT", "DAY")),
            List.of(updates().get(0))),
        new RequestExtensions("web", ExtendedStatus.NOT_COUNCILS_RESPONSIBILITY, "SR-42", List.of(), null,
            List.of("https://example.org/media/43.jpg"), 0, List.of(), List.of()));
  }

  /** The golden file of requests with their extensions, such as {@code golden/requests-extended.xml}. */
  static String extendedGoldenText(Format format) {
    return new String(resource("golden/requests-extended." + format.extension()), StandardCharsets.UTF_8);
  }

  static RequestReceipt postReply() {
    return RequestReceipt.ofId("SR-42", "Inspected within 5 days");
  }

  static RequestReceipt tokenReply() {
    return new RequestReceipt("SR-42", "T-7", null, null);
  }

  static List<GeoReportError> errors() {
    return List.of(new GeoReportError(400, "attribute[FAULT] is required"));
  }

  static Discovery discovery() {
    return new Discovery("2024-03-01T00:00:00+00:00", "Civic311 maintainers: open311@example.org",
        "Ask for a key at https://example.org/open311/keys",
        List.of(new Endpoint("http://wiki.open311.org/GeoReport_v2", "https://example.org/open311/v2",
            "2024-03-01T00:00:00+00:00", "production", List.of("text/xml", "application/json"))));
  }

  static List<RequestUpdate> updates() {
    return List.of(
        new RequestUpdate("UPD-6", "SR-42", ExtendedStatus.IN_PROGRESS, at("2024-03-05T08:00:00+00:00"),
            "Crew scheduled", List.of(), null),
        new RequestUpdate("UPD-7", "SR-42", ExtendedStatus.FIXED, at("2024-03-06T16:30:00+00:00"),
            "Lamp replaced", List.of("https://example.org/media/after.jpg"), "F-1"));
  }

  /** The sample document of each kind, as the golden files hold it. */
  static Document document(DocumentKind kind) {
    switch (kind) {
      case DISCOVERY: return Documents.discovery(discovery());
      case SERVICES: return Documents.services(services());
      case SERVICE_DEFINITION: return Documents.serviceDefinition(definition());
      case REQUESTS: return Documents.requests(requests());
      case POST_REPLY: return Documents.receipt(postReply());
      case TOKEN_REPLY: return Documents.receipt(tokenReply());
      case ERRORS: return Documents.errors(errors());
      case UPDATES: return Documents.updates(updates());
      case UPDATE_REPLY: return Documents.updateReceipt("UPD-7", null);
      default: throw new AssertionError(kind);
    }
  }

  /** The golden file of a kind in a format, such as {@code golden/post-reply.json}. */
  static byte[] golden(DocumentKind kind, Format format) {
    String name = kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    return resource("golden/" + name + "." + format.extension());
  }

  static String goldenText(DocumentKind kind, Format format) {
    return new String(golden(kind, format), StandardCharsets.UTF_8);
  }

  static byte[] resource(String path) {
    try (InputStream in = Samples.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static OffsetDateTime at(String text) {
    return OffsetDateTime.parse(text);
  }
}
