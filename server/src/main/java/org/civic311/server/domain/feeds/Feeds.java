package org.civic311.server.domain.feeds;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.civic311.georeport.Parameters;
import org.civic311.georeport.RequestUpdate;
import org.civic311.georeport.ServiceRequest;
import org.civic311.server.domain.Catalogue;
import org.civic311.server.domain.Jurisdictions;
import org.civic311.server.domain.RequestSearch;

/**
 * Makes feeds from what the public API shows: the newest requests of a jurisdiction, filtered as
 * {@code GET requests} filters them, and the public history of one request. Filters are read and
 * refused by the API's own parsing, so their messages are the API's.
 */
public final class Feeds {
  /** How many requests a feed carries when the caller does not say (page_size). */
  public static final int DEFAULT_SIZE = 100;
  private final Jurisdictions jurisdictions;
  private final RequestSearch search;

  public Feeds(Jurisdictions jurisdictions, RequestSearch search) {
    this.jurisdictions = jurisdictions;
    this.search = search;
  }

  /**
   * The newest requests that match the API's filters. {@code base} is this server's public root
   * URL; {@code self}, the feed's own URL, is its id, since each set of filters is a feed of its own.
   */
  public Feed requests(Parameters p, String base, String self) {
    Catalogue c = jurisdictions.resolve(p.optional("jurisdiction_id"));
    Parameters asked = with(p, "extensions", "false", p.all("page_size").isEmpty() ? DEFAULT_SIZE : null);
    List<ServiceRequest> found = search.search(asked).requests();
    String authority = authority(c.jurisdiction().id());
    List<Feed.Entry> entries = new ArrayList<>();
    for (ServiceRequest r : found) {
      entries.add(new Feed.Entry(requestTag(authority, r), title(r), base + "/requests/" + r.id(),
          r.requestedDatetime(), latest(r), summary(r), r.serviceName(), r.lat(), r.lon()));
    }
    return new Feed(self, "New requests: " + c.jurisdiction().name(),
        "The newest public service requests made to " + c.jurisdiction().name(), c.jurisdiction().name(),
        base + "/browse",
        newest(entries, c), entries);
  }

  /** The public history of one request, newest first, ending with the request as it was made. */
  public Feed history(Parameters p, String id, String base) {
    Catalogue c = jurisdictions.resolve(p.optional("jurisdiction_id"));
    RequestSearch.Results one = search.one(with(p, "extensions", "true", null), id);
    ServiceRequest r = one.requests().get(0);
    String authority = authority(c.jurisdiction().id());
    String page = base + "/requests/" + r.id();
    List<Feed.Entry> entries = new ArrayList<>();
    entries.add(new Feed.Entry(requestTag(authority, r), "Reported: " + title(r), page, r.requestedDatetime(),
        r.requestedDatetime(), text(r.description()), r.serviceName(), r.lat(), r.lon()));
    for (RequestUpdate u : one.extensions().get(0).notes()) {
      String status = u.status().wireName().replace('_', ' ');
      entries.add(new Feed.Entry(requestTag(authority, r) + ":update:" + encode(u.updateId()),
          capitalised(status) + ": " + title(r), page, u.updatedDatetime(), u.updatedDatetime(),
          text(u.description()), status, r.lat(), r.lon()));
    }
    entries.sort(Comparator.comparing(Feed.Entry::updated).reversed());
    return new Feed(requestTag(authority, r) + ":history", "Request " + r.id() + ": " + title(r),
        "The public history of request " + r.id() + " to " + c.jurisdiction().name(), c.jurisdiction().name(),
        page, newest(entries, c),
        entries);
  }

  /**
   * A tag URI (RFC 4151) that stays the same however the server is reached: the jurisdiction's
   * id and the day the request was made, which never change.
   */
  private static String requestTag(String authority, ServiceRequest r) {
    return "tag:" + authority + "," + r.requestedDatetime().toLocalDate() + ":request:" + r.id();
  }

  /** Jurisdiction ids may hold {@code _} and {@code ~}, which a tag's DNS name may not. */
  static String authority(String jurisdictionId) {
    return jurisdictionId.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
  }

  private static String title(ServiceRequest r) {
    String name = r.serviceName() == null || r.serviceName().isBlank() ? r.serviceCode() : r.serviceName();
    return r.address() == null || r.address().isBlank() ? name + " #" + r.id() : name + " at " + r.address();
  }

  private static String summary(ServiceRequest r) {
    StringBuilder s = new StringBuilder("Status: ").append(r.status().wireName()).append('.');
    if (r.statusNotes() != null && !r.statusNotes().isBlank()) {
      s.append(' ').append(r.statusNotes().strip());
    }
    if (r.description() != null && !r.description().isBlank()) {
      s.append("\n\n").append(r.description().strip());
    }
    return s.toString();
  }

  private static OffsetDateTime latest(ServiceRequest r) {
    return r.updatedDatetime() != null && r.updatedDatetime().isAfter(r.requestedDatetime())
        ? r.updatedDatetime() : r.requestedDatetime();
  }

  private static OffsetDateTime newest(List<Feed.Entry> entries, Catalogue c) {
    Optional<OffsetDateTime> max = entries.stream().map(Feed.Entry::updated).max(Comparator.naturalOrder());
    return max.orElse(c.changeset().atOffset(ZoneOffset.UTC));
  }

  private static String text(String s) {
    return s == null ? "" : s.strip();
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The caller's parameters with one set to a value, and a page size when none was asked. */
  private static Parameters with(Parameters p, String name, String value, Integer pageSize) {
    Parameters.Builder b = Parameters.builder();
    for (String n : p.names()) {
      if (!n.equals(name)) {
        for (String v : p.all(n)) {
          b.add(n, v);
        }
      }
    }
    b.add(name, value);
    if (pageSize != null) {
      b.add("page_size", pageSize.toString());
    }
    return b.build();
  }
}
