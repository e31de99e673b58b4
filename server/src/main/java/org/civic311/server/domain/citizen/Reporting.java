package org.civic311.server.domain.citizen;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.civic311.server.domain.Catalogue;
import org.civic311.server.domain.Jurisdiction;
import org.civic311.server.domain.Jurisdictions;
import org.civic311.server.domain.privacy.PersonalData;
import org.civic311.server.storage.MediaRecord;
import org.civic311.server.storage.RequestQuery;
import org.civic311.server.storage.RequestRecord;
import org.civic311.server.storage.RequestStore;
import org.civic311.server.storage.UpdateRecord;
import org.civic311.server.storage.UpdateStore;

/**
 * What the public pages read and the little they change besides new reports: nearby open
 * requests, "me too", a request's public record, recent requests. Hidden requests are never
 * returned, and every request and update returned has its free texts masked
 * ({@link PersonalData}), so no page can show a phone number or email typed into them.
 */
public final class Reporting {
  /** How far apart two reports of the same service may be and still be the same problem. */
  public static final double NEARBY_METRES = 150;
  private final Jurisdictions jurisdictions;
  private final RequestStore requests;
  private final UpdateStore updates;
  private final Clock clock;

  public Reporting(Jurisdictions jurisdictions, RequestStore requests, UpdateStore updates, Clock clock) {
    this.jurisdictions = jurisdictions;
    this.requests = requests;
    this.updates = updates;
    this.clock = clock;
  }

  /** The jurisdiction the pages serve: the first one (a site per jurisdiction is the usual set-up). */
  public Catalogue catalogue() {
    return jurisdictions.all().get(0);
  }

  /** Open requests of the service near a point, nearest first, at most five. */
  public List<RequestRecord> nearby(String serviceCode, double lat, double lon) {
    String j = catalogue().jurisdiction().id();
    List<RequestRecord> found = requests.search(new RequestQuery(j, List.of(serviceCode), List.of("open"), List.of(),
        null, null, null, null, null, new RequestQuery.Circle(lat, lon, NEARBY_METRES), List.of(), false, 0, 20));
    return found.stream()
        .sorted(java.util.Comparator.comparingDouble(r -> distance(r, lat, lon)))
        .limit(5)
        .map(PersonalData::mask)
        .toList();
  }

  /**
   * Adds one "me too" to an open public request, once per supporter and day (in the
   * jurisdiction's zone). The public pages have no accounts or sessions, so the web names the
   * supporter by the client's address; only a hash of the day and the address is stored, and only
   * until the day after.
   */
  public RequestStore.Support support(long id, String supporter) {
    Jurisdiction j = catalogue().jurisdiction();
    long day = LocalDate.now(clock.withZone(j.zone())).toEpochDay();
    return requests.addSupport(j.id(), id, day, marker(day, supporter));
  }

  /** The day is hashed in, so the markers of one supporter on two days cannot be matched. */
  static String marker(long day, String supporter) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((day + "\n" + supporter).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  /** A public request by id; empty when unknown or hidden. */
  public Optional<RequestRecord> find(long id) {
    return requests.find(catalogue().jurisdiction().id(), id).filter(r -> !r.hidden()).map(PersonalData::mask);
  }

  /** The request a batch token became, if public. */
  public Optional<RequestRecord> findByToken(String token) {
    return requests.findByToken(catalogue().jurisdiction().id(), token).filter(r -> !r.hidden())
        .map(PersonalData::mask);
  }

  public List<UpdateRecord> history(long id) {
    return updates.historyOf(List.of(id)).getOrDefault(id, List.of()).stream().map(PersonalData::mask).toList();
  }

  public List<MediaRecord> photos(long id) {
    return updates.mediaOf(List.of(id)).getOrDefault(id, List.of());
  }

  /**
   * Recent public requests, newest first: a page of {@code size} (plus one, to tell whether more
   * follow), optionally of one service and status, within a box.
   */
  public List<RequestRecord> recent(String serviceCode, String status, RequestQuery.Box box, int page, int size) {
    String j = catalogue().jurisdiction().id();
    return requests.search(new RequestQuery(j, serviceCode == null ? List.of() : List.of(serviceCode),
        status == null ? List.of() : List.of(status), List.of(), null, clock.millis(), null, null, box, null,
        List.of(), false, (page - 1) * size, size + 1)).stream().map(PersonalData::mask).toList();
  }

  static double distance(RequestRecord r, double lat, double lon) {
    if (r.lat() == null || r.lon() == null) {
      return Double.MAX_VALUE;
    }
    double dLat = Math.toRadians(r.lat() - lat);
    double dLon = Math.toRadians(r.lon() - lon) * Math.cos(Math.toRadians(lat));
    return Math.sqrt(dLat * dLat + dLon * dLon) * 6_371_000;
  }
}
