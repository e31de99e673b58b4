package org.civic311.georeport;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns GeoReport records into {@link Document}s with the element names and field order of the
 * standard. Absent optional fields are kept as nulls, never dropped, except in request receipts,
 * where the presence of {@code service_request_id} or {@code token} is what tells a client how
 * the service answered.
 */
public final class Documents {
  private Documents() {}

  public static Document services(List<Service> services) {
    List<Node> items = new ArrayList<>(services.size());
    for (Service s : services) {
      items.add(service(s));
    }
    return new Document("services", new Node.Items("service", items));
  }

  private static Node service(Service s) {
    return Node.fields()
        .put("service_code", s.code())
        .put("service_name", s.name())
        .put("description", s.description())
        .put("metadata", s.metadata())
        .put("type", s.type().wireName())
        .put("keywords", s.keywords())
        .put("group", s.group())
        .build();
  }

  public static Document serviceDefinition(ServiceDefinition d) {
    List<Node> attributes = new ArrayList<>(d.attributes().size());
    for (ServiceAttribute a : d.attributes()) {
      List<Node> values = new ArrayList<>(a.values().size());
      for (AttributeValue v : a.values()) {
        values.add(Node.fields().put("key", v.key()).put("name", v.name()).build());
      }
      attributes.add(Node.fields()
          .put("variable", a.variable())
          .put("code", a.code())
          .put("datatype", a.datatype().wireName())
          .put("required", a.required())
          .put("datatype_description", a.datatypeDescription())
          .put("order", a.order())
          .put("description", a.description())
          .put("values", new Node.Items("value", values))
          .build());
    }
    return new Document("service_definition", Node.fields()
        .put("service_code", d.serviceCode())
        .put("attributes", new Node.Items("attribute", attributes))
        .build());
  }

  public static Document requests(List<ServiceRequest> requests) {
    List<Node> items = new ArrayList<>(requests.size());
    for (ServiceRequest r : requests) {
      items.add(request(r));
    }
    return new Document("service_requests", new Node.Items("request", items));
  }

  /** The fields of one request, in the order of the standard; extensions may append to them. */
  public static Node.FieldsBuilder request(ServiceRequest r, Node.FieldsBuilder into) {
    return into
        .put("service_request_id", r.id())
        .put("status", r.status().wireName())
        .put("status_notes", r.statusNotes())
        .put("service_name", r.serviceName())
        .put("service_code", r.serviceCode())
        .put("description", r.description())
        .put("agency_responsible", r.agencyResponsible())
        .put("service_notice", r.serviceNotice())
        .put("requested_datetime", GeoDateTime.format(r.requestedDatetime()))
        .put("updated_datetime", GeoDateTime.format(r.updatedDatetime()))
        .put("expected_datetime", GeoDateTime.format(r.expectedDatetime()))
        .put("address", r.address())
        .put("address_id", r.addressId())
        .put("zipcode", r.zipcode())
        .put("lat", r.lat())
        .put("long", r.lon())
        .put("media_url", r.mediaUrl());
  }

  private static Node request(ServiceRequest r) {
    return request(r, Node.fields()).build();
  }

  /**
   * Requests with what {@code extensions=true} adds; {@code extensions} is parallel to
   * {@code requests}.
   */
  public static Document requests(List<ServiceRequest> requests, List<RequestExtensions> extensions) {
    List<Node> items = new ArrayList<>(requests.size());
    for (int i = 0; i < requests.size(); i++) {
      RequestExtensions x = extensions.get(i);
      List<Node> answers = new ArrayList<>();
      for (RequestExtensions.Answer a : x.attributes()) {
        answers.add(Node.fields().put("code", a.code()).put("value", a.value()).build());
      }
      Node.FieldsBuilder fields = Node.fields()
          .put("channel", x.channel())
          .put("detailed_status", x.extendedStatus() == null ? null
              : x.extendedStatus().citySdk().map(CitySdkStatus::wireName).orElse(null))
          .put("extended_status", x.extendedStatus() == null ? null : x.extendedStatus().wireName())
          .put("duplicate", x.duplicateOf())
          .put("duplicates", strings("service_request_id", x.duplicates()))
          .put("parent_service_request_id", x.parentServiceRequestId())
          .put("media_urls", strings("media_url", x.mediaUrls()))
          .put("support_count", Integer.toString(x.supportCount()))
          .put("attributes", new Node.Items("attribute", answers));
      if (x.upstreamServiceRequestId() != null) {
        fields.put("upstream_service_request_id", x.upstreamServiceRequestId());
      }
      if (x.expectedDatetimeEstimated()) {
        fields.put("expected_datetime_estimated", "true");
      }
      Node extended = fields.build();
      List<Node> notes = new ArrayList<>();
      for (RequestUpdate u : x.notes()) {
        notes.add(update(u, "datetime"));
      }
      items.add(request(requests.get(i), Node.fields())
          .put("extended_attributes", extended)
          .put("notes", new Node.Items("note", notes))
          .build());
    }
    return new Document("service_requests", new Node.Items("request", items));
  }

  /** The update history ({@code GET servicerequestupdates}). */
  public static Document updates(List<RequestUpdate> updates) {
    List<Node> items = new ArrayList<>(updates.size());
    for (RequestUpdate u : updates) {
      items.add(update(u, "updated_datetime"));
    }
    return new Document("service_request_updates", new Node.Items("request_update", items));
  }

  private static Node update(RequestUpdate u, String timeField) {
    return Node.fields()
        .put("update_id", u.updateId())
        .put("service_request_id", u.serviceRequestId())
        .put("status", u.status().wireName())
        .put(timeField, GeoDateTime.format(u.updatedDatetime()))
        .put("description", u.description())
        .put("media_url", u.mediaUrls().isEmpty() ? null : u.mediaUrls().get(0))
        .put("external_status_code", u.externalStatusCode())
        .build();
  }

  /** The reply to {@code POST servicerequestupdates}. */
  public static Document updateReceipt(String updateId, String accountId) {
    Node reply = Node.fields().put("update_id", updateId).put("account_id", accountId).build();
    return new Document("service_request_updates", new Node.Items("request_update", List.of(reply)));
  }

  private static Node strings(String childName, List<String> values) {
    List<Node> items = new ArrayList<>(values.size());
    for (String v : values) {
      items.add(new Node.Scalar(v));
    }
    return new Node.Items(childName, items);
  }

  /** The reply to a POST of a request, or to a token lookup: one {@code request} in a list. */
  public static Document receipt(RequestReceipt r) {
    Node.FieldsBuilder f = Node.fields();
    if (r.serviceRequestId() != null) {
      f.put("service_request_id", r.serviceRequestId());
    }
    if (r.token() != null) {
      f.put("token", r.token());
    }
    if (r.serviceRequestId() == null || r.token() == null) {
      // A POST reply; a token lookup (which carries both) has no notice of its own.
      f.put("service_notice", r.serviceNotice());
      f.put("account_id", r.accountId());
    }
    return new Document("service_requests", new Node.Items("request", List.of(f.build())));
  }

  public static Document discovery(Discovery d) {
    List<Node> endpoints = new ArrayList<>();
    for (Endpoint e : d.endpoints()) {
      List<Node> formats = new ArrayList<>();
      for (String f : e.formats()) {
        formats.add(new Node.Scalar(f));
      }
      endpoints.add(Node.fields()
          .put("specification", e.specification())
          .put("url", e.url())
          .put("changeset", e.changeset())
          .put("type", e.type())
          .put("formats", new Node.Items("format", formats))
          .build());
    }
    return new Document("discovery", Node.fields()
        .put("changeset", d.changeset())
        .put("contact", d.contact())
        .put("key_service", d.keyService())
        .put("endpoints", new Node.Items("endpoint", endpoints))
        .build());
  }

  /**
   * Discovery with extension fields after the standard ones, such as the paging limits
   * ({@code max_requests}, as FixMyStreet reads it).
   */
  public static Document discovery(Discovery d, java.util.Map<String, Object> extensions) {
    Node.Fields standard = (Node.Fields) discovery(d).body();
    List<Node.Field> fields = new ArrayList<>(standard.fields());
    for (java.util.Map.Entry<String, Object> e : extensions.entrySet()) {
      fields.add(new Node.Field(e.getKey(), new Node.Scalar(e.getValue())));
    }
    return new Document("discovery", new Node.Fields(fields));
  }

  public static Document errors(List<GeoReportError> errors) {
    List<Node> items = new ArrayList<>(errors.size());
    for (GeoReportError e : errors) {
      items.add(Node.fields().put("code", e.code()).put("description", e.description()).build());
    }
    return new Document("errors", new Node.Items("error", items));
  }

  public static Document error(int code, String description) {
    return errors(List.of(new GeoReportError(code, description)));
  }
}
