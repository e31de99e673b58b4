package org.civic311.server.domain.staff;

/**
 * The staff queue's filters as typed into the page (and kept in its URL, so a filtered queue can
 * be bookmarked and shared). Blank means "any".
 */
public record QueueFilter(String jurisdiction, String status, String detailed, String service, String agency,
    String from, String to, String q, boolean overdue, String sort, int page) {

  public static QueueFilter empty() {
    return new QueueFilter("", "", "", "", "", "", "", "", false, "newest", 1);
  }
}
