package org.civic311.georeport;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shape each kind of document must have: which fields every item carries, which are
 * required, and what their values may be. Sections 4, 5 and 10 of the project's GEOREPORT.md
 * decide these; unknown extra fields are allowed, because extensions add some.
 */
final class DocumentRules {
  private static final Set<String> SERVICE_TYPES = Set.of("realtime", "batch", "blackbox");
  private static final Set<String> DATATYPES =
      Set.of("string", "number", "datetime", "text", "singlevaluelist", "multivaluelist");
  private static final Set<String> STATUSES = Set.of("open", "closed");
  private static final Set<String> EXTENDED_STATUSES = Set.of("open", "closed", "fixed", "in_progress",
      "planned", "action_scheduled", "investigating", "duplicate", "not_councils_responsibility",
      "no_further_action", "internal_referral", "cancelled", "reopen", "for_triage", "unchanged");
  private static final Set<String> CITY_SDK_STATUSES =
      Set.of("PENDING", "RECEIVED", "IN_PROCESS", "PROCESSED", "ARCHIVED", "REJECTED");
  private static final Set<String> ENDPOINT_TYPES = Set.of("production", "test");
  private static final List<String> OPTIONAL_REQUEST_TEXT = List.of(
      "status_notes", "service_name", "description", "agency_responsible", "service_notice",
      "address", "address_id", "zipcode", "media_url");

  /** Fields that identify the person who reported, and where (if anywhere) each may appear. */
  private static final Map<String, Set<DocumentKind>> PERSONAL_FIELDS = Map.of(
      "email", Set.of(),
      "phone", Set.of(),
      "first_name", Set.of(),
      "last_name", Set.of(),
      "device_id", Set.of(),
      "account_id", Set.of(DocumentKind.POST_REPLY, DocumentKind.UPDATE_REPLY));

  private DocumentRules() {}

  /** Checks {@code body}, the Spark tree of a document meant to be {@code kind}. */
  static void check(DocumentKind kind, JsonNode body, Findings f) {
    switch (kind) {
      case DISCOVERY -> discovery(body, f);
      case SERVICES -> services(body, f);
      case SERVICE_DEFINITION -> serviceDefinition(body, f);
      case REQUESTS -> requests(body, f);
      case POST_REPLY -> postReply(body, f);
      case TOKEN_REPLY -> tokenReply(body, f);
      case ERRORS -> errors(body, f);
      case UPDATES -> updates(body, f);
      case UPDATE_REPLY -> updateReply(body, f);
    }
  }

  private static void discovery(JsonNode body, Findings f) {
    JsonNode d = f.object(body, "discovery");
    if (d == null) {
      return;
    }
    f.datetime(d, "changeset", "discovery", true);
    f.requiredText(d, "contact", "discovery");
    f.requiredText(d, "key_service", "discovery");
    List<JsonNode> endpoints = f.listField(d, "endpoints", "discovery");
    if (d.has("endpoints") && d.get("endpoints").isArray() && endpoints.isEmpty()) {
      f.add("discovery.endpoints must list at least one endpoint");
    }
    for (int i = 0; i < endpoints.size(); i++) {
      String at = "discovery.endpoints[" + i + "]";
      JsonNode e = f.object(endpoints.get(i), at);
      if (e == null) {
        continue;
      }
      f.requiredText(e, "specification", at);
      f.requiredText(e, "url", at);
      f.datetime(e, "changeset", at, true);
      f.oneOf(e, "type", at, ENDPOINT_TYPES);
      List<JsonNode> formats = f.listField(e, "formats", at);
      boolean xml = false;
      for (int j = 0; j < formats.size(); j++) {
        JsonNode format = formats.get(j);
        if (!format.isTextual() || format.asText().isBlank()) {
          f.add(at + ".formats[" + j + "] must be a MIME type, not " + Findings.describe(format));
        }
        xml |= format.isTextual() && format.asText().equals("text/xml");
      }
      if (e.has("formats") && e.get("formats").isArray() && !xml) {
        f.add(at + ".formats must include text/xml, which every GeoReport server serves");
      }
    }
  }

  private static void services(JsonNode body, Findings f) {
    List<JsonNode> services = f.list(body, "services");
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < services.size(); i++) {
      String at = "services[" + i + "]";
      JsonNode s = f.object(services.get(i), at);
      if (s == null) {
        continue;
      }
      String code = f.requiredText(s, "service_code", at);
      if (code != null && !codes.add(code)) {
        f.add(at + ".service_code '" + code + "' appears more than once");
      }
      f.requiredText(s, "service_name", at);
      f.optionalText(s, "description", at);
      f.bool(s, "metadata", at);
      f.oneOf(s, "type", at, SERVICE_TYPES);
      f.optionalText(s, "keywords", at);
      f.optionalText(s, "group", at);
      if (s.has("groups")) {
        textList(s, "groups", at, f);
      }
    }
  }

  private static void serviceDefinition(JsonNode body, Findings f) {
    JsonNode d = f.object(body, "service_definition");
    if (d == null) {
      return;
    }
    f.requiredText(d, "service_code", "service_definition");
    List<JsonNode> attributes = f.listField(d, "attributes", "service_definition");
    Set<Integer> orders = new HashSet<>();
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < attributes.size(); i++) {
      String at = "service_definition.attributes[" + i + "]";
      JsonNode a = f.object(attributes.get(i), at);
      if (a == null) {
        continue;
      }
      f.bool(a, "variable", at);
      String code = f.requiredText(a, "code", at);
      if (code != null && !codes.add(code)) {
        f.add(at + ".code '" + code + "' appears more than once in the definition");
      }
      String datatype = f.oneOf(a, "datatype", at, DATATYPES);
      f.bool(a, "required", at);
      f.optionalText(a, "datatype_description", at);
      Integer order = f.integer(a, "order", at, 1, Integer.MAX_VALUE);
      if (order != null && !orders.add(order)) {
        f.add(at + ".order " + order + " appears more than once in the definition");
      }
      f.requiredText(a, "description", at);
      values(a, at, datatype != null && Datatype.ofWireName(datatype).isList(), f);
    }
  }

  private static void values(JsonNode attribute, String at, boolean listType, Findings f) {
    List<JsonNode> values = f.listField(attribute, "values", at);
    if (listType && values.isEmpty()) {
      f.add(at + ".values must offer at least one value for a list datatype");
    }
    Set<String> keys = new HashSet<>();
    for (int j = 0; j < values.size(); j++) {
      String vat = at + ".values[" + j + "]";
      JsonNode v = f.object(values.get(j), vat);
      if (v == null) {
        continue;
      }
      String key = f.requiredText(v, "key", vat);
      if (key != null && !keys.add(key)) {
        f.add(vat + ".key '" + key + "' appears more than once in the attribute");
      }
      f.requiredText(v, "name", vat);
    }
  }

  private static void requests(JsonNode body, Findings f) {
    List<JsonNode> requests = f.list(body, "service_requests");
    for (int i = 0; i < requests.size(); i++) {
      String at = "service_requests[" + i + "]";
      JsonNode r = f.object(requests.get(i), at);
      if (r == null) {
        continue;
      }
      f.requiredText(r, "service_request_id", at);
      f.oneOf(r, "status", at, STATUSES);
      f.requiredText(r, "service_code", at);
      for (String field : OPTIONAL_REQUEST_TEXT) {
        f.optionalText(r, field, at);
      }
      f.datetime(r, "requested_datetime", at, true);
      f.datetime(r, "updated_datetime", at, false);
      f.datetime(r, "expected_datetime", at, false);
      f.coordinate(r, "lat", at, 90);
      f.coordinate(r, "long", at, 180);
      if (r.has("lat") && r.has("long") && r.get("lat").isNull() != r.get("long").isNull()) {
        f.add(at + " must give lat and long together, or neither");
      }
      if (r.has("notes") && !r.get("notes").isNull()) {
        f.listField(r, "notes", at);
      }
      extendedStatuses(r, at, f);
    }
  }

  /**
   * Where {@code extended_attributes} gives a status, each name keeps its own vocabulary:
   * CitySDK's upper-case one under {@code detailed_status}, which CitySDK clients read, and the
   * update history's under {@code extended_status}.
   */
  private static void extendedStatuses(JsonNode request, String at, Findings f) {
    JsonNode x = request.get("extended_attributes");
    if (x == null || !x.isObject()) {
      return;
    }
    String xat = at + ".extended_attributes";
    if (given(x.get("detailed_status"))) {
      f.oneOf(x, "detailed_status", xat, CITY_SDK_STATUSES);
    }
    if (given(x.get("extended_status"))) {
      f.oneOf(x, "extended_status", xat, EXTENDED_STATUSES);
    }
  }

  private static boolean given(JsonNode value) {
    return value != null && !value.isNull() && !(value.isTextual() && value.asText().isEmpty());
  }

  private static void postReply(JsonNode body, Findings f) {
    JsonNode r = single(body, f);
    if (r == null) {
      return;
    }
    String at = "service_requests[0]";
    boolean id = r.has("service_request_id") && !r.get("service_request_id").isNull();
    boolean token = r.has("token") && !r.get("token").isNull();
    if (id) {
      f.requiredText(r, "service_request_id", at);
    }
    if (token) {
      f.requiredText(r, "token", at);
    }
    if (id && token) {
      f.add(at + " must not carry both service_request_id and token in a POST reply");
    }
    f.optionalText(r, "service_notice", at);
    if (r.has("account_id")) {
      f.optionalText(r, "account_id", at);
    }
  }

  private static void tokenReply(JsonNode body, Findings f) {
    JsonNode r = single(body, f);
    if (r != null) {
      f.requiredText(r, "service_request_id", "service_requests[0]");
      f.requiredText(r, "token", "service_requests[0]");
    }
  }

  private static void errors(JsonNode body, Findings f) {
    List<JsonNode> errors = f.list(body, "errors");
    if (body != null && body.isArray() && errors.isEmpty()) {
      f.add("errors must hold at least one error");
    }
    for (int i = 0; i < errors.size(); i++) {
      String at = "errors[" + i + "]";
      JsonNode e = f.object(errors.get(i), at);
      if (e != null) {
        f.integer(e, "code", at, 400, 599);
        f.requiredText(e, "description", at);
      }
    }
  }

  private static void updates(JsonNode body, Findings f) {
    List<JsonNode> updates = f.list(body, "service_request_updates");
    for (int i = 0; i < updates.size(); i++) {
      String at = "service_request_updates[" + i + "]";
      JsonNode u = f.object(updates.get(i), at);
      if (u == null) {
        continue;
      }
      f.requiredText(u, "update_id", at);
      f.requiredText(u, "service_request_id", at);
      f.oneOf(u, "status", at, EXTENDED_STATUSES);
      f.datetime(u, "updated_datetime", at, true);
      f.optionalText(u, "description", at);
      f.optionalText(u, "media_url", at);
    }
  }

  private static void updateReply(JsonNode body, Findings f) {
    List<JsonNode> replies = f.list(body, "service_request_updates");
    if (body != null && body.isArray() && replies.size() != 1) {
      f.add("service_request_updates must hold exactly one update, not " + replies.size());
      return;
    }
    JsonNode u = replies.isEmpty() ? null : f.object(replies.get(0), "service_request_updates[0]");
    if (u != null) {
      f.requiredText(u, "update_id", "service_request_updates[0]");
    }
  }

  /** The one request of a POST or token reply; reports any other count. */
  private static JsonNode single(JsonNode body, Findings f) {
    List<JsonNode> requests = f.list(body, "service_requests");
    if (body != null && body.isArray() && requests.size() != 1) {
      f.add("service_requests must hold exactly one request, not " + requests.size());
      return null;
    }
    return requests.isEmpty() ? null : f.object(requests.get(0), "service_requests[0]");
  }

  private static void textList(JsonNode object, String field, String at, Findings f) {
    List<JsonNode> items = f.listField(object, field, at);
    for (int j = 0; j < items.size(); j++) {
      if (!items.get(j).isTextual()) {
        f.add(at + "." + field + "[" + j + "] must be text, not " + Findings.describe(items.get(j)));
      }
    }
  }

  /** Reports every personal field anywhere in the tree that {@code kind} may not carry. */
  static void personalFields(DocumentKind kind, JsonNode node, String path, Findings f) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        String at = path + "." + e.getKey();
        Set<DocumentKind> allowed = PERSONAL_FIELDS.get(e.getKey());
        if (allowed != null && !allowed.contains(kind)) {
          f.add(at + " is personal data and must never appear in a public document");
        }
        personalFields(kind, e.getValue(), at, f);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        personalFields(kind, node.get(i), path + "[" + i + "]", f);
      }
    }
  }
}
