package org.civic311.server.domain.opendata;

import java.util.List;

/**
 * The data dictionary of the bulk downloads: every column of {@code requests.csv} and
 * {@code updates.csv}, in order, with its type (in Table Schema's words), what it means and an
 * example. The CSV header, the GeoJSON properties, the {@code /data} page and the Frictionless
 * package all read this one list, so they cannot drift apart.
 */
public final class Columns {
  private Columns() {}

  /**
   * One column.
   *
   * @param type {@code string}, {@code integer}, {@code number} or {@code datetime} (ISO 8601 with offset)
   */
  public record Column(String name, String type, String meaning, String example) {}

  /** The columns of a request: the public fields of GeoReport, then what a data user needs besides. */
  public static final List<Column> REQUESTS = List.of(
      new Column("service_request_id", "string", "The request's id, as in the API.", "1042"),
      new Column("jurisdiction_id", "string", "The jurisdiction the request was made to.", "city.example.org"),
      new Column("status", "string", "open or closed.", "closed"),
      new Column("extended_status", "string",
          "The finer status of the update history (open, in_progress, fixed, duplicate, ...).", "fixed"),
      new Column("status_notes", "string", "What the city said when the status last changed.", "Filled on 3 March"),
      new Column("service_code", "string", "The code of the service (problem type).", "S0301"),
      new Column("service_name", "string", "The name of the service when the request was made.", "Pothole"),
      new Column("description", "string", "What the reporter wrote (phone numbers and emails masked).",
          "Deep hole in the right lane"),
      new Column("agency_responsible", "string", "The agency that handles it.", "Department of Transportation"),
      new Column("service_notice", "string", "What the city told the reporter on receipt.", "Inspected within 5 days"),
      new Column("requested_datetime", "datetime", "When the request was made.", "2026-03-01T09:14:00-05:00"),
      new Column("updated_datetime", "datetime", "When anything about it last changed.", "2026-03-03T16:40:00-05:00"),
      new Column("expected_datetime", "datetime", "When the city expects to close it, if it said.", ""),
      new Column("closed_datetime", "datetime", "When it last closed; empty while open.", "2026-03-03T16:40:00-05:00"),
      new Column("days_to_close", "number", "Days from requested to closed, to a hundredth; empty while open.",
          "2.31"),
      new Column("address", "string", "The address given or found for the place.", "1600 Pennsylvania Ave NW"),
      new Column("address_id", "string", "The city's id of that address, if one was given.", ""),
      new Column("zipcode", "string", "The postal code.", "20500"),
      new Column("lat", "number", "Latitude (WGS 84).", "38.8977"),
      new Column("long", "number", "Longitude (WGS 84).", "-77.0365"),
      new Column("media_url", "string", "The first photo's address.", "https://311.example.org/media/ab12....jpg"),
      new Column("photo_count", "integer", "How many photos the request has.", "1"),
      new Column("channel", "string", "How it came in: api, web, phone, staff, import ...", "web"),
      new Column("duplicate_of", "string", "The id of the request this one duplicates, if marked so.", ""));

  /** The columns of a public update of a request (the update history). */
  public static final List<Column> UPDATES = List.of(
      new Column("update_id", "string", "The update's id, as in servicerequestupdates.", "WO-77-1"),
      new Column("service_request_id", "string", "The request it updates.", "1042"),
      new Column("jurisdiction_id", "string", "The jurisdiction of that request.", "city.example.org"),
      new Column("status", "string", "The status it set (open, in_progress, fixed, ...).", "in_progress"),
      new Column("updated_datetime", "datetime", "When it happened.", "2026-03-02T08:00:00-05:00"),
      new Column("description", "string", "The public note (phone numbers and emails masked).", "Crew on site"),
      new Column("media_url", "string", "Its first photo's address, if any.", ""),
      new Column("external_status_code", "string", "The status code of the system it came from, if any.", ""));

  /** The names of a list of columns, in order. */
  public static List<String> names(List<Column> columns) {
    return columns.stream().map(Column::name).toList();
  }
}
