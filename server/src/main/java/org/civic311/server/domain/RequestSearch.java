package org.civic311.server.domain;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.civic311.georeport.Parameters;
import org.civic311.georeport.RequestExtensions;
import org.civic311.georeport.RequestReceipt;
import org.civic311.georeport.ServiceRequest;
import org.civic311.server.storage.PublicRequestRow;
import org.civic311.server.storage.RequestQuery;
import org.civic311.server.storage.RequestRecord;
import org.civic311.server.storage.RequestStore;

/**
 * Finds requests for the public ({@code GET requests}, {@code requests/{id}}, {@code tokens/{t}}).
 *
 * <p>The window, as the project decided: neither date given means the last 90 days; one bound
 * means that bound to now (or the 90 days before {@code end_date}); longer spans are allowed.
 * At most {@link #MAX_RESULTS} requests, newest {@code requested_datetime} first, ties by id.
 * {@code service_request_id} overrides every other filter.
 */
public final class RequestSearch {
  public static final int MAX_RESULTS = SearchParameters.MAX_PAGE_SIZE;
  public static final int DEFAULT_PAGE_SIZE = SearchParameters.DEFAULT_PAGE_SIZE;

  private final Jurisdictions jurisdictions;
  private final RequestStore requests;
  private final Extensions extensions;
  private final Clock clock;

  public RequestSearch(Jurisdictions jurisdictions, RequestStore requests, Extensions extensions, Clock clock) {
    this.jurisdictions = jurisdictions;
    this.requests = requests;
    this.extensions = extensions;
    this.clock = clock;
  }

  /** The requests a GET asks for, with their extensions when it asked for them. */
  public record Results(List<ServiceRequest> requests, List<RequestExtensions> extensions) {
    public boolean extended() {
      return extensions != null;
    }
  }

  public Results search(Parameters p) {
    Violations v = new Violations();
    Catalogue catalogue = jurisdictions.resolve(v.single(p, "jurisdiction_id"));
    boolean extended = extensions(v, p);
    v.throwIfAny();
    Jurisdiction j = catalogue.jurisdiction();
    List<String> ids = p.list("service_request_id");
    if (!ids.isEmpty()) {
      return results(byIds(j, ids), j, extended);
    }
    RequestQuery query = SearchParameters.read(p, j, clock.millis(), v);
    v.throwIfAny();
    if (extended) {
      return results(requests.search(query), j, true);
    }
    List<ServiceRequest> published = new ArrayList<>();
    for (PublicRequestRow r : requests.searchPublic(query)) {
      published.add(PublicView.of(r, j.zone()));
    }
    return new Results(published, null);
  }

  /**
   * A plain public list, as {@code GET requests} asks for it without ids or extensions: the
   * jurisdiction and the query, the window worked out from the clock now.
   */
  public record Listing(Jurisdiction jurisdiction, RequestQuery query) {}

  /**
   * The listing {@code p} asks for, or empty when it names ids or asks for extensions, which
   * {@link #search} answers; bad parameters are refused as by {@link #search}.
   */
  public Optional<Listing> listing(Parameters p) {
    Violations v = new Violations();
    Catalogue catalogue = jurisdictions.resolve(v.single(p, "jurisdiction_id"));
    boolean extended = extensions(v, p);
    v.throwIfAny();
    if (extended || !p.list("service_request_id").isEmpty()) {
      return Optional.empty();
    }
    Jurisdiction j = catalogue.jurisdiction();
    RequestQuery query = SearchParameters.read(p, j, clock.millis(), v);
    v.throwIfAny();
    return Optional.of(new Listing(j, query));
  }

  /**
   * One page of a listing, read by the public columns alone, with the store's change marker read
   * before it, the earliest {@code requested_at} on it and the earliest after the window's end
   * (see {@link RequestStore#pagePublic}).
   */
  public record ListedPage(String marker, List<ServiceRequest> requests, Long oldestRequestedAt,
      Long nextRequestedAt) {}

  public ListedPage page(Listing l) {
    RequestStore.PublicPage page = requests.pagePublic(l.query());
    List<ServiceRequest> published = new ArrayList<>(page.rows().size());
    Long oldest = null;
    for (PublicRequestRow r : page.rows()) {
      published.add(PublicView.of(r, l.jurisdiction().zone()));
      oldest = oldest == null ? r.requestedAt() : Math.min(oldest, r.requestedAt());
    }
    return new ListedPage(page.marker(), published, oldest, page.nextRequestedAt());
  }

  /** One public request by id, as {@code GET requests/{id}} asks for it without extensions. */
  public record Single(Jurisdiction jurisdiction, String id) {}

  /** The single request {@code p} asks for, or empty when it asks for extensions ({@link #one}). */
  public Optional<Single> single(Parameters p, String id) {
    Violations v = new Violations();
    Jurisdiction j = jurisdictions.resolve(v.single(p, "jurisdiction_id")).jurisdiction();
    boolean extended = extensions(v, p);
    v.throwIfAny();
    return extended ? Optional.empty() : Optional.of(new Single(j, id));
  }

  /** The request of {@code s} by its public columns, with the change marker read before it. */
  public ListedPage page(Single s) {
    Long n = parseId(s.id());
    RequestStore.PublicPage page = n == null ? null : requests.findPublic(s.jurisdiction().id(), n);
    if (page == null || page.rows().isEmpty()) {
      throw notFound(s.jurisdiction(), s.id());
    }
    PublicRequestRow r = page.rows().get(0);
    return new ListedPage(page.marker(), List.of(PublicView.of(r, s.jurisdiction().zone())), r.requestedAt(), null);
  }

  private static Refusal notFound(Jurisdiction j, String id) {
    return Refusal.notFound("service_request_id '" + Violations.clip(id) + "' is not a request of jurisdiction "
        + j.id());
  }

  /** The store's change marker now: see {@link RequestStore#changeMarker()}. */
  public String changeMarker() {
    return requests.changeMarker();
  }

  /** What a bulk download selects: the jurisdiction, and every public request matching the filters. */
  public record Selection(Jurisdiction jurisdiction, RequestQuery query) {}

  /**
   * The filters of {@code GET requests} read for a bulk download: the same parameters and the
   * same faults, but no 90-day window and no page, so without filters it is every public request.
   */
  public Selection selection(Parameters p) {
    Violations v = new Violations();
    Catalogue catalogue = jurisdictions.resolve(v.single(p, "jurisdiction_id"));
    v.throwIfAny();
    RequestQuery query = SearchParameters.readAll(p, catalogue.jurisdiction(), v);
    v.throwIfAny();
    return new Selection(catalogue.jurisdiction(), query);
  }

  /** One request, by id, with extensions when asked. */
  public Results one(Parameters p, String id) {
    Violations v = new Violations();
    Jurisdiction j = jurisdictions.resolve(v.single(p, "jurisdiction_id")).jurisdiction();
    boolean extended = extensions(v, p);
    v.throwIfAny();
    Long n = parseId(id);
    // A request hidden by a moderator is answered as if it did not exist.
    RequestRecord r = n == null ? null : requests.find(j.id(), n).filter(x -> !x.hidden()).orElse(null);
    if (r == null) {
      throw notFound(j, id);
    }
    return results(List.of(r), j, extended);
  }

  private Results results(List<RequestRecord> found, Jurisdiction j, boolean extended) {
    List<ServiceRequest> published = publish(found, j);
    return new Results(published, extended ? extensions.of(found, j.zone()) : null);
  }

  private static boolean extensions(Violations v, Parameters p) {
    try {
      return p.bool("extensions").orElse(false);
    } catch (org.civic311.georeport.ParameterException e) {
      v.add(e.getMessage());
      return false;
    }
  }

  private List<RequestRecord> byIds(Jurisdiction j, List<String> ids) {
    if (ids.size() > MAX_RESULTS) {
      throw Refusal.invalid("service_request_id lists at most " + MAX_RESULTS + " ids");
    }
    List<Long> numeric = new ArrayList<>();
    for (String id : ids) {
      Long n = parseId(id);
      if (n != null) {
        numeric.add(n);
      }
    }
    return requests.findAll(j.id(), numeric).stream().filter(r -> !r.hidden()).toList();
  }

  /** The request a batch token became. */
  public RequestReceipt token(Optional<String> jurisdictionId, String token) {
    Jurisdiction j = jurisdictions.resolve(jurisdictionId).jurisdiction();
    RequestRecord r = requests.findByToken(j.id(), token).filter(x -> !x.hidden()).orElseThrow(
        () -> Refusal.notFound("token '" + Violations.clip(token) + "' is not known in jurisdiction " + j.id()));
    return new RequestReceipt(Long.toString(r.id()), token, null, null);
  }

  static Long parseId(String id) {
    if (id.isEmpty() || id.length() > 18 || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return null;
    }
    return Long.parseLong(id);
  }

  private static List<ServiceRequest> publish(List<RequestRecord> records, Jurisdiction j) {
    List<ServiceRequest> out = new ArrayList<>(records.size());
    for (RequestRecord r : records) {
      out.add(PublicView.of(r, j.zone()));
    }
    return out;
  }
}
