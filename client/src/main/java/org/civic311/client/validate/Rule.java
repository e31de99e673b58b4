package org.civic311.client.validate;

/**
 * Every rule the validator checks, with the section of GEOREPORT.md (the project's digest of the
 * GeoReport v2 standard and of the conventions real servers and clients follow) it comes from.
 * The id is stable: reports, CI systems and docs name rules by it.
 */
public enum Rule {
  REACHABLE("endpoint-reachable", "1", "The endpoint answers HTTP calls."),
  IN_TIME("answers-in-time", "1", "Every answer arrives, whole, within the call timeout."),
  ANSWER_SIZE("answer-size", "1", "No answer is larger than the validator's limit."),
  OPEN311("is-open311", "1", "services.xml answers a GeoReport service list."),
  DISCOVERY("discovery-offered", "1", "discovery.xml and discovery.json answer a discovery document."),
  CONTENT_TYPE("content-type", "1", "Answers carry text/xml or application/json with charset=utf-8."),
  XML_DECLARATION("xml-declaration", "1", "XML starts with <?xml version=\"1.0\" encoding=\"utf-8\"?>."),
  DOCUMENT_SHAPE("document-shape", "4, 5", "Documents have the standard's root, lists, required fields and values."),
  FIELDS_KEPT("absent-fields-kept", "10", "Absent optional fields are written empty or null, not dropped."),
  IDS_AS_STRINGS("ids-as-strings", "8.1", "Codes and ids are JSON strings."),
  BOOLEANS("booleans", "8.2", "Booleans are JSON booleans, or true/false in XML."),
  DATETIMES("datetimes", "2", "Datetimes are W3C ISO 8601 with a zone."),
  DATETIME_FRACTIONS("datetime-whole-seconds", "8.5", "Datetimes have whole seconds, as strict clients expect."),
  PERSONAL_DATA("no-personal-data", "3", "No reporter's email, phone, name, device or account id in public output."),
  JSON_FORMAT("json-format", "1", "JSON is served (optional), and served when discovery advertises it."),
  FORMATS_AGREE("formats-agree", "1", "XML and JSON give the same services and requests."),
  ERROR_DOCUMENT("error-document", "6", "Errors are GeoReport error lists in the requested format, never HTML."),
  NOT_FOUND_STATUS("not-found-is-404", "6", "An unknown service, request or token is a 404."),
  BAD_PARAMETER("bad-parameter-is-400", "6", "A malformed parameter is a 400 naming it."),
  EMPTY_JURISDICTION("empty-jurisdiction", "2", "An empty jurisdiction_id is the same as none."),
  DEFAULT_WINDOW("default-window", "3", "GET requests without dates gives at most 1,000 requests of the last 90 days."),
  FILTER_STATUS("filter-status", "3", "GET requests honours status."),
  FILTER_SERVICE_CODE("filter-service-code", "3", "GET requests honours service_code."),
  FILTER_DATES("filter-dates", "3", "GET requests honours start_date and end_date."),
  FILTER_ID("filter-service-request-id", "3", "GET requests honours service_request_id."),
  SINGLE_REQUEST("single-request", "1", "requests/{id} answers a list holding that one request."),
  PAGING("paging", "7.2", "Paging advertised in discovery is honoured (page_size)."),
  POST_NEEDS_KEY("post-needs-key", "2", "A POST without api_key is refused with 403."),
  POST_REPLY("post-reply", "4", "A POST is answered with an id, a token or a notice."),
  POST_READ_BACK("post-read-back", "1", "A posted request can be read back (by id, or through its token).");

  private final String id;
  private final String section;
  private final String summary;

  Rule(String id, String section, String summary) {
    this.id = id;
    this.section = section;
    this.summary = summary;
  }

  /** The stable id, such as {@code content-type}. */
  public String id() {
    return id;
  }

  /** The section (or sections) of GEOREPORT.md the rule comes from, such as {@code 8.1}. */
  public String section() {
    return section;
  }

  /** What the rule asks, in one sentence. */
  public String summary() {
    return summary;
  }
}
