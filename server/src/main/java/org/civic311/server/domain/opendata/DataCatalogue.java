package org.civic311.server.domain.opendata;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civic311.georeport.Parameters;
import org.civic311.georeport.ServiceRequest;
import org.civic311.server.domain.Catalogue;
import org.civic311.server.domain.Jurisdiction;
import org.civic311.server.domain.Jurisdictions;
import org.civic311.server.domain.RequestSearch;

/**
 * The data catalogue of each jurisdiction: what it publishes ({@link Datasets}), under which
 * terms, and when its data last changed.
 */
public final class DataCatalogue {
  /** How many of the newest requests are looked at to tell when the data last changed. */
  static final int RECENT = 100;
  private final Jurisdictions jurisdictions;
  private final RequestSearch search;
  private final Map<String, Terms> terms;

  /** {@code terms} by jurisdiction id; a jurisdiction without any publishes under the defaults. */
  public DataCatalogue(Jurisdictions jurisdictions, RequestSearch search, Map<String, Terms> terms) {
    this.jurisdictions = jurisdictions;
    this.search = search;
    this.terms = Map.copyOf(terms);
  }

  /** One jurisdiction's listing. */
  public record Listing(Jurisdiction jurisdiction, Terms terms, Instant modified, List<Datasets.Dataset> datasets) {}

  /** The listing of the jurisdiction named, or of the only one. */
  public Listing of(Optional<String> jurisdictionId) {
    return listing(jurisdictions.resolve(jurisdictionId));
  }

  /** Every jurisdiction's listing, in id order. */
  public List<Listing> all() {
    List<Listing> out = new ArrayList<>();
    for (Catalogue c : jurisdictions.all()) {
      out.add(listing(c));
    }
    return out;
  }

  /** True when this server hosts several jurisdictions, so each link must name its own. */
  public boolean several() {
    return jurisdictions.all().size() > 1;
  }

  private Listing listing(Catalogue c) {
    Jurisdiction j = c.jurisdiction();
    return new Listing(j, terms.getOrDefault(j.id(), defaults(j.name(), null)), modified(c), Datasets.ALL);
  }

  /**
   * The newest change among the newest requests (or the catalogue's last change): a request made
   * long ago and updated today is missed, which a harvester that compares dates tolerates better
   * than a scan of the whole history on every call.
   */
  private Instant modified(Catalogue c) {
    Parameters p = Parameters.builder().add("jurisdiction_id", c.jurisdiction().id())
        .add("page_size", Integer.toString(RECENT)).build();
    Instant newest = c.changeset();
    for (ServiceRequest r : search.search(p).requests()) {
      OffsetDateTime t = r.updatedDatetime() != null ? r.updatedDatetime() : r.requestedDatetime();
      if (t.toInstant().isAfter(newest)) {
        newest = t.toInstant();
      }
    }
    return newest;
  }

  /** Public domain (CC0), published under the jurisdiction's name, when the configuration says nothing. */
  public static Terms defaults(String jurisdictionName, String contactEmail) {
    return new Terms("https://creativecommons.org/publicdomain/zero/1.0/", "CC0-1.0", jurisdictionName,
        contactEmail);
  }
}
