package org.civic311.server.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.civic311.georeport.ExtendedStatus;
import org.civic311.georeport.Parameters;
import org.civic311.georeport.RequestUpdate;
import org.civic311.georeport.Status;
import org.civic311.server.storage.ApiKeyRecord;
import org.civic311.server.storage.MediaRecord;
import org.civic311.server.storage.NewUpdate;
import org.civic311.server.storage.UpdateStore;

/**
 * The public history of requests ({@code GET} and {@code POST servicerequestupdates}, the
 * mySociety model): a back end posts status changes and notes; harvesters read them by time.
 */
public final class Updates {
  static final int MAX_RESULTS = 1000;
  static final Duration DEFAULT_WINDOW = Duration.ofDays(90);

  private final Jurisdictions jurisdictions;
  private final ApiKeys apiKeys;
  private final UpdateStore store;
  private final Clock clock;

  public Updates(Jurisdictions jurisdictions, ApiKeys apiKeys, UpdateStore store, Clock clock) {
    this.jurisdictions = jurisdictions;
    this.apiKeys = apiKeys;
    this.store = store;
    this.clock = clock;
  }

  /** The reply to a stored update. */
  public record Receipt(String updateId, String accountId) {}

  /**
   * Stores an update posted by a back end.
   *
   * @throws Refusal FORBIDDEN for a bad key, NOT_FOUND for an unknown request, INVALID otherwise
   */
  public Receipt post(Parameters p, java.util.function.Supplier<List<MediaRecord>> uploads) {
    Violations v = new Violations();
    Catalogue catalogue = jurisdictions.resolve(v.single(p, "jurisdiction_id"));
    v.throwIfAny();
    Jurisdiction j = catalogue.jurisdiction();
    ApiKeyRecord key = apiKeys.authenticate(v.single(p, "api_key"), j);
    String requestId = required(v, p, "service_request_id");
    String updateId = required(v, p, "update_id");
    if (updateId != null) {
      String problem = Violations.textProblem(updateId, 100);
      if (problem != null) {
        v.add("update_id " + problem);
      }
    }
    String statusText = required(v, p, "status");
    ExtendedStatus status = null;
    if (statusText != null) {
      status = ExtendedStatus.parse(statusText).orElse(null);
      if (status == null) {
        v.add("status '" + Violations.clip(statusText) + "' is not a known status (such as OPEN, IN_PROGRESS,"
            + " ACTION_SCHEDULED, FIXED, CLOSED, DUPLICATE, NOT_COUNCILS_RESPONSIBILITY, NO_FURTHER_ACTION)");
      }
    }
    String when = required(v, p, "updated_datetime");
    Long updatedAt = null;
    if (when != null) {
      try {
        updatedAt = org.civic311.georeport.GeoDateTime.parse(when, j.zone()).toInstant().toEpochMilli();
      } catch (IllegalArgumentException e) {
        v.add("updated_datetime '" + Violations.clip(when) + "' " + e.getMessage());
      }
    }
    String description = v.freeText(p, "description", Intake.MAX_DESCRIPTION);
    String external = v.text(p, "external_status_code", 100);
    List<String> links = Intake.links(v, p);
    String accountId = v.text(p, "account_id", 200);
    v.throwIfAny();
    Long id = RequestSearch.parseId(requestId);
    if (id == null) {
      throw Refusal.notFound("service_request_id '" + Violations.clip(requestId) + "' is not a request of"
          + " jurisdiction " + j.id());
    }
    String core = status.core().map(Status::wireName).orElse(null);
    List<MediaRecord> media = Intake.withLinks(uploads.get(), links);
    UpdateStore.Result result = store.insert(new NewUpdate(j.id(), id, updateId, status.wireName(), core,
        description, updatedAt, clock.millis(), external, key.id(), media));
    switch (result.outcome()) {
      case UNKNOWN_REQUEST:
        throw Refusal.notFound("service_request_id '" + requestId + "' is not a request of jurisdiction " + j.id());
      case DUPLICATE_UPDATE_ID:
        throw Refusal.invalid("update_id '" + Violations.clip(updateId) + "' was already posted");
      default:
        return new Receipt(result.update().orElseThrow().updateId(), accountId);
    }
  }

  /**
   * Updates by {@code updated_datetime}: both dates, one, or neither (the last 90 days), oldest
   * first, paged by {@code page} and {@code page_size} like requests.
   */
  public List<RequestUpdate> search(Parameters p) {
    Violations v = new Violations();
    Jurisdiction j = jurisdictions.resolve(v.single(p, "jurisdiction_id")).jurisdiction();
    Optional<OffsetDateTime> start = Optional.ofNullable(v.date(p, "start_date", j.zone()));
    Optional<OffsetDateTime> end = Optional.ofNullable(v.date(p, "end_date", j.zone()));
    List<Long> requestIds = new ArrayList<>();
    for (String id : p.list("service_request_id")) {
      Long n = RequestSearch.parseId(id);
      requestIds.add(n == null ? -1L : n);
    }
    int page = SearchParameters.whole(v, p, "page", 1, Integer.MAX_VALUE / MAX_RESULTS, 1);
    int pageSize = SearchParameters.whole(v, p, "page_size", 1, MAX_RESULTS, MAX_RESULTS);
    v.throwIfAny();
    long to = end.map(t -> t.toInstant().toEpochMilli()).orElse(clock.millis());
    long from = start.map(t -> t.toInstant().toEpochMilli()).orElse(to - DEFAULT_WINDOW.toMillis());
    if (from > to) {
      throw Refusal.invalid("start_date is after end_date");
    }
    List<RequestUpdate> out = new ArrayList<>();
    for (var u : store.search(j.id(), from, to, requestIds, (page - 1) * pageSize, pageSize)) {
      out.add(Extensions.publish(u, j.zone()));
    }
    return out;
  }

  private static String required(Violations v, Parameters p, String name) {
    Optional<String> value = v.single(p, name);
    if (value.isEmpty()) {
      v.add("parameter '" + name + "' is required");
      return null;
    }
    return value.get();
  }

}
