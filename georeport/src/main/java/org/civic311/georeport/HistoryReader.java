package org.civic311.georeport;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the extension documents: the update history ({@code servicerequestupdates}) and what
 * {@code extensions=true} adds to requests. Servers shape these differently (mySociety,
 * Chicago, San Francisco, CitySDK), so this reads what it recognises and ignores the rest.
 */
final class HistoryReader {
  private HistoryReader() {}

  static List<RequestUpdate> updates(List<JsonNode> items) {
    List<RequestUpdate> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      LenientFields f = new LenientFields(items.get(i), "service_request_updates[" + i + "]");
      out.add(new RequestUpdate(
          f.requiredText("update_id"),
          f.requiredText("service_request_id"),
          status(f, "status"),
          f.requiredDatetime("updated_datetime"),
          f.text("description"),
          texts(f, "media_url"),
          f.text("external_status_code")));
    }
    return out;
  }

  /** The extensions of each request, parallel to the list; a request without them gets empty ones. */
  static List<RequestExtensions> extensions(List<JsonNode> items) {
    List<RequestExtensions> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      String at = "service_requests[" + i + "]";
      LenientFields r = new LenientFields(items.get(i), at);
      JsonNode x = items.get(i).get("extended_attributes");
      LenientFields e = x != null && x.isObject() ? new LenientFields(x, at + ".extended_attributes") : null;
      List<RequestUpdate> notes = notes(r, r.text("service_request_id"));
      if (e == null) {
        out.add(new RequestExtensions(null, null, null, List.of(), null, List.of(), 0, List.of(), notes));
        continue;
      }
      String support = e.text("support_count");
      out.add(new RequestExtensions(
          e.text("channel"),
          extendedStatus(e),
          e.text("duplicate"),
          texts(e, "duplicates"),
          e.text("parent_service_request_id"),
          texts(e, "media_urls"),
          support == null ? 0 : e.integer("support_count"),
          answers(x.get("attributes"), e.at("attributes")),
          notes));
    }
    return out;
  }

  /**
   * The finer status: this project's {@code extended_status}, else CitySDK's
   * {@code detailed_status} taken to the nearest extended status; null when neither is known.
   */
  private static ExtendedStatus extendedStatus(LenientFields e) {
    ExtendedStatus own = ExtendedStatus.parse(e.text("extended_status")).orElse(null);
    if (own != null) {
      return own;
    }
    String city = e.text("detailed_status");
    if (city == null) {
      return null;
    }
    return switch (city.trim().toUpperCase(java.util.Locale.ROOT)) {
      case "PENDING", "RECEIVED" -> ExtendedStatus.OPEN;
      case "IN_PROCESS" -> ExtendedStatus.IN_PROGRESS;
      case "PROCESSED", "ARCHIVED" -> ExtendedStatus.CLOSED;
      case "REJECTED" -> ExtendedStatus.NO_FURTHER_ACTION;
      default -> null;
    };
  }

  /**
   * Submitted answers: a list of {@code {code, value}} (this project, San Francisco) or an
   * object of code to value (Chicago); a list value gives one answer per member.
   */
  private static List<RequestExtensions.Answer> answers(JsonNode node, String at) {
    List<RequestExtensions.Answer> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (node.isObject() && !node.has("code")) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        for (JsonNode v : LenientFields.items(e.getValue())) {
          if (v.isValueNode()) {
            out.add(new RequestExtensions.Answer(e.getKey(), v.asText()));
          }
        }
      }
      return out;
    }
    List<JsonNode> items = LenientFields.items(node);
    for (int i = 0; i < items.size(); i++) {
      LenientFields a = new LenientFields(items.get(i), at + "[" + i + "]");
      String code = a.requiredText("code");
      for (JsonNode v : a.list("value")) {
        if (v.isValueNode() && !v.isNull()) {
          out.add(new RequestExtensions.Answer(code, v.asText()));
        }
      }
    }
    return out;
  }

  /**
   * The public history under {@code notes}: this project writes updates there, Chicago writes
   * {@code {datetime, type, summary, description}}. A note without a time is skipped, having
   * no place in a history; missing ids are made from the request's id and the note's position.
   */
  private static List<RequestUpdate> notes(LenientFields request, String requestId) {
    List<JsonNode> items = request.list("notes");
    List<RequestUpdate> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      LenientFields n = new LenientFields(items.get(i), request.at("notes") + "[" + i + "]");
      OffsetDateTime when = n.datetime("datetime");
      if (when == null) {
        when = n.datetime("updated_datetime");
      }
      if (when == null || requestId == null) {
        continue;
      }
      String id = n.text("update_id");
      String description = n.text("description");
      out.add(new RequestUpdate(
          id == null ? requestId + "-" + (i + 1) : id,
          n.text("service_request_id") == null ? requestId : n.text("service_request_id"),
          ExtendedStatus.parse(n.text("status")).orElse(ExtendedStatus.UNCHANGED),
          when,
          description == null ? n.text("summary") : description,
          texts(n, "media_url"),
          n.text("external_status_code")));
    }
    return out;
  }

  private static ExtendedStatus status(LenientFields f, String field) {
    String s = f.requiredText(field);
    return ExtendedStatus.parse(s).orElseThrow(
        () -> new DocumentException(f.at(field) + " '" + s + "' is not an update status"));
  }

  /**
   * A field that is one text or a list of texts; empty members are dropped. An XML wrapper of one
   * item ({@code <duplicates><service_request_id>7</service_request_id></duplicates>}) reads as
   * an object of one field, whose value is taken.
   */
  private static List<String> texts(LenientFields f, String field) {
    List<String> out = new ArrayList<>();
    List<JsonNode> items = f.list(field);
    if (items.size() == 1 && items.get(0).isObject() && items.get(0).size() == 1) {
      items = LenientFields.items(items.get(0).elements().next());
    }
    for (JsonNode v : items) {
      if (v.isValueNode() && !v.isNull() && !v.asText().isBlank()) {
        out.add(v.asText().trim());
      }
    }
    return out;
  }
}
