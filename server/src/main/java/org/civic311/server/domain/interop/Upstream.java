package org.civic311.server.domain.interop;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.civic311.client.ClientConfig;
import org.civic311.client.GeoReportClient;
import org.civic311.client.NewRequest;
import org.civic311.server.storage.RequestRecord;

/**
 * One configured upstream endpoint: which of a jurisdiction's services go there, and how one of
 * our requests is written as a POST to it (service code and attribute codes mapped).
 */
public final class Upstream {
  private final String jurisdictionId;
  private final UpstreamTerms settings;
  private final GeoReportClient client;
  private volatile UpstreamState state;
  /** Null until tried: whether the upstream answers {@code GET servicerequestupdates}. */
  private volatile Boolean offersUpdates;

  /** Null, or the source this jurisdiction mirrors (its requests come back by the harvest). */
  private final String mirrorOf;

  public Upstream(String jurisdictionId, UpstreamTerms settings) {
    this(jurisdictionId, settings, null);
  }

  /** The upstream of a mirror: its source, whose harvest brings the forwarded requests' progress. */
  public Upstream(String jurisdictionId, UpstreamTerms settings, String mirrorOf) {
    this.mirrorOf = mirrorOf;
    this.jurisdictionId = jurisdictionId;
    this.settings = settings;
    // Retries are the outbox's own, with backoff that survives restarts.
    this.client = GeoReportClient.create(ClientConfig.builder()
        .baseUrl(settings.url())
        .apiKey(settings.apiKey())
        .jurisdiction(settings.jurisdictionId())
        .callTimeout(Duration.ofSeconds(settings.timeoutSeconds()))
        .connectTimeout(Duration.ofSeconds(Math.min(10, settings.timeoutSeconds())))
        .format(org.civic311.georeport.Format.JSON)
        .maxRetries(0)
        .userAgent("civic311-forwarder/0.1")
        .build());
    this.state = new UpstreamState(jurisdictionId, settings.url(), UpstreamState.Health.UNKNOWN, "not asked yet", 0);
  }

  /** What staff see of this upstream: whether it answered as an Open311 server when last asked. */
  public UpstreamState state() {
    return state;
  }

  void answered(long now) {
    if (state.health() != UpstreamState.Health.ANSWERING) {
      state = new UpstreamState(jurisdictionId, settings.url(), UpstreamState.Health.ANSWERING, "answers as Open311", now);
    } else {
      state = state.at(now);
    }
  }

  void failing(UpstreamState.Health health, String why, long now) {
    state = new UpstreamState(jurisdictionId, settings.url(), health, why, now);
  }

  Boolean offersUpdates() {
    return offersUpdates;
  }

  void offersUpdates(boolean yes) {
    offersUpdates = yes;
  }

  public String jurisdictionId() {
    return jurisdictionId;
  }

  String mirrorOf() {
    return mirrorOf;
  }

  public String url() {
    return settings.url();
  }

  public GeoReportClient client() {
    return client;
  }

  public Duration timeout() {
    return Duration.ofSeconds(settings.timeoutSeconds());
  }

  public Duration pullEvery() {
    return Duration.ofSeconds(settings.pullSeconds());
  }

  public Duration firstRetry() {
    return Duration.ofSeconds(settings.firstRetrySeconds());
  }

  public boolean forwards(String serviceCode) {
    return settings.services() == null || settings.services().contains(serviceCode);
  }

  /** The key sent upstream: the same for every attempt at one request, unique across servers' ids. */
  static String idempotencyKey(RequestRecord r) {
    return "civic311:" + r.jurisdictionId() + ":" + r.id();
  }

  /** Our request as the upstream's POST. */
  NewRequest post(RequestRecord r) {
    NewRequest.Builder b = NewRequest.builder(settings.serviceCodes().getOrDefault(r.serviceCode(), r.serviceCode()));
    if (r.lat() != null && r.lon() != null) {
      b.location(r.lat(), r.lon());
    }
    if (r.address() != null) {
      b.address(r.address());
    }
    if (r.addressId() != null) {
      b.addressId(r.addressId());
    }
    if (r.lat() == null && r.address() == null && r.addressId() == null) {
      b.address("(no location given)");
    }
    if (r.description() != null) {
      b.description(r.description());
    }
    if (r.mediaUrl() != null) {
      b.mediaUrl(r.mediaUrl());
    }
    var who = r.reporter();
    if (who != null) {
      b.email(who.email()).phone(who.phone()).firstName(who.firstName()).lastName(who.lastName());
    }
    Map<String, String> codes = settings.attributes().getOrDefault(r.serviceCode(), Map.of());
    for (Map.Entry<String, List<String>> a : r.attributes().entrySet()) {
      if (!a.getValue().isEmpty()) {
        b.attribute(codes.getOrDefault(a.getKey(), a.getKey()), a.getValue().toArray(String[]::new));
      }
    }
    return b.build();
  }
}
