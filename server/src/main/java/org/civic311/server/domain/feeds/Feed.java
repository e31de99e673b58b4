package org.civic311.server.domain.feeds;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One feed, whatever its format: who it is about, who publishes it (the jurisdiction), where it
 * lives, and its entries newest first.
 *
 * @param updated the newest entry's time, or the catalogue's last change when there is no entry
 */
public record Feed(String id, String title, String subtitle, String author, String link, OffsetDateTime updated,
    List<Entry> entries) {

  /**
   * One entry: a request or one public update of it.
   *
   * @param lat null when the request has no place
   */
  public record Entry(String id, String title, String link, OffsetDateTime published, OffsetDateTime updated,
      String summary, String category, Double lat, Double lon) {}
}
