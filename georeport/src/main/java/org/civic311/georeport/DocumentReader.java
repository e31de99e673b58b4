package org.civic311.georeport;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads GeoReport documents, XML or JSON, as any server writes them. Stateless and thread-safe;
 * share one instance.
 *
 * <p>{@link #tree} gives the document as a Jackson tree by the Spark convention, the same for
 * both formats: the XML root element is dropped; the known list containers ({@code services},
 * {@code attributes}, {@code values}, {@code service_requests}, {@code errors}, {@code endpoints},
 * {@code formats}, {@code service_request_updates}, {@code groups}, {@code notes}) are arrays
 * even with one or no children; an empty XML element is null; XML text stays a string. XML with
 * a document type declaration is refused, and no entity is ever fetched.
 *
 * <p>The typed readers are lenient where real servers differ: booleans as text or {@code 1/0},
 * numbers as strings, codes and ids as JSON numbers, empty strings for absent values, bare dates
 * and fractional seconds in datetimes, datetimes without a zone (read as UTC), a list of one
 * collapsed to its member, and a JSON list
 * wrapped in an object named after its container ({@code {"services":[...]}}). Absent booleans
 * read as the standard's usual value: {@code metadata} and {@code required} false, {@code variable}
 * true. Unknown fields are ignored.
 *
 * <p>Every failure is a {@link DocumentException} whose message names the field at fault.
 */
public final class DocumentReader {
  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  /**
   * Parses a document into its Spark tree.
   *
   * @throws DocumentException when the bytes are not well-formed in {@code format}, or are XML
   *     with a document type declaration
   */
  public JsonNode tree(byte[] body, Format format) {
    return parse(body, format).body();
  }

  /** Reads a service list ({@code GET services}). */
  public List<Service> services(byte[] body, Format format) {
    List<JsonNode> items = list(tree(body, format), "services", "service");
    List<Service> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      LenientFields f = new LenientFields(items.get(i), "services[" + i + "]");
      out.add(new Service(
          f.requiredText("service_code"),
          f.requiredText("service_name"),
          f.text("description"),
          f.bool("metadata", false),
          serviceType(f),
          f.text("keywords"),
          f.text("group")));
    }
    return out;
  }

  /** Reads a service definition ({@code GET services/{code}}); attributes come back in {@code order}. */
  public ServiceDefinition serviceDefinition(byte[] body, Format format) {
    LenientFields d = new LenientFields(tree(body, format), "service_definition");
    List<JsonNode> items = d.list("attributes");
    List<ServiceAttribute> attributes = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      attributes.add(attribute(new LenientFields(items.get(i), "attributes[" + i + "]")));
    }
    return new ServiceDefinition(d.requiredText("service_code"), attributes);
  }

  /** Reads a request list ({@code GET requests}, {@code GET requests/{id}}). */
  public List<ServiceRequest> requests(byte[] body, Format format) {
    List<JsonNode> items = list(tree(body, format), "service_requests", "request");
    List<ServiceRequest> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      out.add(request(new LenientFields(items.get(i), "service_requests[" + i + "]")));
    }
    return out;
  }

  /**
   * Reads what {@code extensions=true} adds to each request of a list, parallel to
   * {@link #requests}: a request without {@code extended_attributes} gets empty extensions.
   * {@code detailed_status} (CitySDK) is taken to the nearest {@link ExtendedStatus} when no
   * {@code extended_status} is given; Chicago's notes ({@code summary}) and answers (an object of
   * code to value) are read beside this project's.
   */
  public List<RequestExtensions> requestExtensions(byte[] body, Format format) {
    return HistoryReader.extensions(list(tree(body, format), "service_requests", "request"));
  }

  /** Reads the update history ({@code GET servicerequestupdates}); statuses in any case. */
  public List<RequestUpdate> updates(byte[] body, Format format) {
    return HistoryReader.updates(list(tree(body, format), "service_request_updates", "request_update"));
  }

  /** Reads the reply to {@code POST servicerequestupdates}: the new update's id. */
  public String updateReceipt(byte[] body, Format format) {
    List<JsonNode> items = list(tree(body, format), "service_request_updates", "request_update");
    if (items.size() != 1) {
      throw new DocumentException("service_request_updates holds " + items.size() + " updates, not one");
    }
    return new LenientFields(items.get(0), "service_request_updates[0]").requiredText("update_id");
  }

  /** Reads the reply to a POST of requests, or to {@code GET tokens/{token}}. */
  public List<RequestReceipt> receipts(byte[] body, Format format) {
    List<JsonNode> items = list(tree(body, format), "service_requests", "request");
    List<RequestReceipt> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      LenientFields f = new LenientFields(items.get(i), "service_requests[" + i + "]");
      out.add(new RequestReceipt(
          f.text("service_request_id"), f.text("token"), f.text("service_notice"), f.text("account_id")));
    }
    return out;
  }

  /** Reads a discovery document. */
  public Discovery discovery(byte[] body, Format format) {
    LenientFields d = new LenientFields(tree(body, format), "discovery");
    List<JsonNode> items = d.list("endpoints");
    List<Endpoint> endpoints = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      LenientFields e = new LenientFields(items.get(i), "endpoints[" + i + "]");
      List<String> formats = new ArrayList<>();
      for (JsonNode f : e.list("formats")) {
        if (!f.isValueNode()) {
          throw new DocumentException(e.at("formats") + " holds something other than text");
        }
        formats.add(f.asText());
      }
      endpoints.add(new Endpoint(
          e.text("specification"), e.text("url"), e.text("changeset"), e.text("type"), formats));
    }
    return new Discovery(d.text("changeset"), d.text("contact"), d.text("key_service"), endpoints);
  }

  /** Reads an error list, the body of a 4xx or 5xx answer. */
  public List<GeoReportError> errors(byte[] body, Format format) {
    List<JsonNode> items = list(tree(body, format), "errors", "error");
    List<GeoReportError> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      LenientFields f = new LenientFields(items.get(i), "errors[" + i + "]");
      out.add(new GeoReportError(f.integer("code"), f.text("description")));
    }
    return out;
  }

  /** Parses into the tree and, for XML, the root name and misnamed list items. */
  static SparkXml.Parsed parse(byte[] body, Format format) {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(format, "format");
    if (format == Format.XML) {
      return SparkXml.parse(body);
    }
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw new DocumentException("JSON document is empty");
      }
      return new SparkXml.Parsed(null, node, List.of());
    } catch (JacksonException e) {
      throw new DocumentException("not well-formed JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new DocumentException("JSON document cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * The items of a list document. Besides a plain array this accepts what some servers send
   * instead: a lone object (a list of one collapsed), and the list wrapped in its container's
   * name, optionally again in the item's name ({@code {"services":{"service":[...]}}}).
   */
  private static List<JsonNode> list(JsonNode root, String container, String item) {
    JsonNode node = root;
    if (node.isObject() && node.size() == 1 && node.has(container)) {
      node = node.get(container);
      if (node.isObject() && node.size() == 1 && node.has(item)) {
        node = node.get(item);
      }
    }
    return LenientFields.items(node);
  }

  private static ServiceType serviceType(LenientFields f) {
    String type = f.requiredText("type");
    try {
      return ServiceType.ofWireName(type.trim());
    } catch (IllegalArgumentException e) {
      throw new DocumentException(f.at("type") + " '" + type + "' is not realtime, batch or blackbox", e);
    }
  }

  private static ServiceAttribute attribute(LenientFields f) {
    String datatype = f.requiredText("datatype");
    Datatype type;
    try {
      type = Datatype.ofWireName(datatype.trim());
    } catch (IllegalArgumentException e) {
      throw new DocumentException(f.at("datatype") + " '" + datatype + "' is not a GeoReport datatype", e);
    }
    List<JsonNode> items = f.list("values");
    List<AttributeValue> values = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      LenientFields v = new LenientFields(items.get(i), f.at("values") + "[" + i + "]");
      String key = v.requiredText("key");
      String name = v.text("name");
      values.add(new AttributeValue(key, name == null ? key : name));
    }
    String description = f.text("description");
    return new ServiceAttribute(
        f.bool("variable", true),
        f.requiredText("code"),
        type,
        f.bool("required", false),
        f.text("datatype_description"),
        f.integer("order"),
        description == null ? "" : description,
        values);
  }

  private static ServiceRequest request(LenientFields f) {
    String status = f.requiredText("status");
    Status parsed;
    try {
      parsed = Status.ofWireName(status);
    } catch (IllegalArgumentException e) {
      throw new DocumentException(f.at("status") + " '" + status + "' is not open or closed", e);
    }
    return new ServiceRequest(
        f.requiredText("service_request_id"),
        parsed,
        f.text("status_notes"),
        f.text("service_name"),
        f.requiredText("service_code"),
        f.text("description"),
        f.text("agency_responsible"),
        f.text("service_notice"),
        f.requiredDatetime("requested_datetime"),
        f.datetime("updated_datetime"),
        f.datetime("expected_datetime"),
        f.text("address"),
        f.text("address_id"),
        f.text("zipcode"),
        f.decimal("lat"),
        f.decimal("long"),
        f.text("media_url"));
  }
}
