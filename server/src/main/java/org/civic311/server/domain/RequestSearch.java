package org.civic311.server.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.civic311.georeport.GeoDateTime;
import org.civic311.georeport.Parameters;
import org.civic311.georeport.RequestReceipt;
import org.civic311.georeport.ServiceRequest;
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
  public static final int MAX_RESULTS = 1000;
  static final Duration DEFAULT_WINDOW = Duration.ofDays(90);

  private final Jurisdictions jurisdictions;
  private final RequestStore requests;
  private final Clock clock;

  public RequestSearch(Jurisdictions jurisdictions, RequestStore requests, Clock clock) {
    this.jurisdictions = jurisdictions;
    this.requests = requests;
    this.clock = clock;
  }

  public List<ServiceRequest> search(Parameters p) {
    Violations v = new Violations();
    Catalogue catalogue = jurisdictions.resolve(v.single(p, "jurisdiction_id"));
    v.throwIfAny();
    Jurisdiction j = catalogue.jurisdiction();
    List<String> ids = p.list("service_request_id");
    if (!ids.isEmpty()) {
      return byIds(j, ids);
    }
    List<String> statuses = new ArrayList<>();
    for (String s : p.list("status")) {
      String lower = s.toLowerCase(Locale.ROOT);
      if (!lower.equals("open") && !lower.equals("closed")) {
        v.add("status '" + Violations.clip(s) + "' is not open or closed");
      } else if (!statuses.contains(lower)) {
        statuses.add(lower);
      }
    }
    Optional<OffsetDateTime> start = date(v, p, "start_date", j);
    Optional<OffsetDateTime> end = date(v, p, "end_date", j);
    v.throwIfAny();
    long to;
    long from;
    if (end.isPresent()) {
      to = end.get().toInstant().toEpochMilli();
      from = start.map(s -> s.toInstant().toEpochMilli()).orElse(to - DEFAULT_WINDOW.toMillis());
    } else {
      to = clock.millis();
      from = start.map(s -> s.toInstant().toEpochMilli()).orElse(to - DEFAULT_WINDOW.toMillis());
    }
    if (start.isPresent() && end.isPresent() && from > to) {
      throw Refusal.invalid("start_date is after end_date");
    }
    RequestQuery query = new RequestQuery(j.id(), p.list("service_code"), statuses, from, to, MAX_RESULTS);
    return publish(requests.search(query), j);
  }

  private List<ServiceRequest> byIds(Jurisdiction j, List<String> ids) {
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
    return publish(requests.findAll(j.id(), numeric), j);
  }

  /** One request, by id. */
  public ServiceRequest one(Optional<String> jurisdictionId, String id) {
    Jurisdiction j = jurisdictions.resolve(jurisdictionId).jurisdiction();
    Long n = parseId(id);
    RequestRecord r = n == null ? null : requests.find(j.id(), n).orElse(null);
    if (r == null) {
      throw Refusal.notFound("service_request_id '" + Violations.clip(id) + "' is not a request of jurisdiction "
          + j.id());
    }
    return PublicView.of(r, j.zone());
  }

  /** The request a batch token became. */
  public RequestReceipt token(Optional<String> jurisdictionId, String token) {
    Jurisdiction j = jurisdictions.resolve(jurisdictionId).jurisdiction();
    RequestRecord r = requests.findByToken(j.id(), token).orElseThrow(
        () -> Refusal.notFound("token '" + Violations.clip(token) + "' is not known in jurisdiction " + j.id()));
    return new RequestReceipt(Long.toString(r.id()), token, null, null);
  }

  private static Optional<OffsetDateTime> date(Violations v, Parameters p, String name, Jurisdiction j) {
    Optional<String> text = v.single(p, name);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(GeoDateTime.parse(text.get(), j.zone()));
    } catch (IllegalArgumentException e) {
      v.add(name + " '" + Violations.clip(text.get()) + "' " + e.getMessage());
      return Optional.empty();
    }
  }

  private static Long parseId(String id) {
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
