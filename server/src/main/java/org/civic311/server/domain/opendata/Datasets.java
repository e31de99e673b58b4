package org.civic311.server.domain.opendata;

import java.util.List;

/**
 * What a jurisdiction publishes, whatever page or metadata format describes it: the requests, their
 * public updates, and the feeds, each with its formats and, for the tables, its columns. Paths are
 * on this server; the web adds the root URL (and the jurisdiction, on a server of several).
 */
public final class Datasets {
  private Datasets() {}

  /**
   * One way to get a dataset.
   *
   * @param format the short name of the format (CSV, GeoJSON, NDJSON, Atom, RSS)
   * @param tabular true when {@code columns} describe it row by row (the CSV files)
   */
  public record Distribution(String path, String format, String mediaType, boolean tabular) {}

  /** One dataset; {@code columns} is empty when it is not a table (the feeds). */
  public record Dataset(String name, String title, String description, List<String> keywords,
      List<Columns.Column> columns, List<Distribution> distributions) {}

  /** Every dataset, in the order the catalogue lists them. */
  public static final List<Dataset> ALL = List.of(
      new Dataset("requests", "Service requests",
          "Every public service request (311 report): what, where, when, its status and how long it took to"
              + " close. Reporters' names, emails, phone numbers and devices are never published; phone numbers"
              + " and emails typed into the texts are masked; requests hidden by moderators are left out.",
          List.of("311", "service requests", "open311", "city services"), Columns.REQUESTS, List.of(
              new Distribution("/data/requests.csv", "CSV", "text/csv", true),
              new Distribution("/data/requests.geojson", "GeoJSON", "application/geo+json", false),
              new Distribution("/data/requests.ndjson", "NDJSON", "application/x-ndjson", false))),
      new Dataset("updates", "Service request updates",
          "The public update history of every request: each status change and public note, as"
              + " servicerequestupdates shows it. Staff's internal notes are never published.",
          List.of("311", "service request updates", "open311", "status"), Columns.UPDATES, List.of(
              new Distribution("/data/updates.csv", "CSV", "text/csv", true),
              new Distribution("/data/updates.ndjson", "NDJSON", "application/x-ndjson", false))),
      new Dataset("feeds", "Feeds of new requests",
          "The newest public requests as Atom and RSS feeds with GeoRSS points, narrowed by service_code,"
              + " status, bbox or lat/long/radius as in the GeoReport API; each request also has a feed of"
              + " its own history at /feeds/requests/{id}.atom.",
          List.of("311", "feed", "atom", "rss", "georss"), List.of(), List.of(
              new Distribution("/feeds/requests.atom", "Atom", "application/atom+xml", false),
              new Distribution("/feeds/requests.rss", "RSS", "application/rss+xml", false))));
}
