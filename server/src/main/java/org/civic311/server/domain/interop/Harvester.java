package org.civic311.server.domain.interop;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongConsumer;
import org.civic311.client.GeoReportClient;
import org.civic311.client.Harvest;
import org.civic311.client.Search;
import org.civic311.georeport.Service;
import org.civic311.georeport.ServiceAttribute;
import org.civic311.georeport.ServiceRequest;
import org.civic311.server.storage.CatalogueStore;
import org.civic311.server.storage.ImportStore;
import org.civic311.server.storage.ImportedRequest;
import org.civic311.server.storage.JurisdictionRecord;
import org.civic311.server.storage.ServiceRecord;

/**
 * Copies another city's Open311 endpoint into one of our jurisdictions: its catalogue (services
 * and their definitions) and its requests, stored through the importer's store under the
 * source's own ids ({@code external_source} is the source's URL), so a request read again is
 * updated in place, never added twice. Requests are read with the client's {@link Harvest}, one
 * answer at a time, and written in batches: memory stays flat however large the source.
 *
 * <p>Only the public fields of a request exist in GeoReport, so nothing personal is copied.
 */
public final class Harvester {
  /** Requests per transaction. */
  static final int BATCH = 500;
  /** Text fields are cut here: a source's text is not ours to let grow without bound. */
  static final int MAX_TEXT = 4000;
  /** A harvest by {@code updated_after} starts this long before the newest change seen. */
  static final Duration OVERLAP = Duration.ofMinutes(2);

  /** What a harvest read and did; {@code newestChange} is the newest updated time seen (or null). */
  public record Totals(String method, long seen, long added, long updated, long unchanged, Long newestChange,
      long millis) {}

  private final CatalogueStore catalogue;
  private final ImportStore imports;
  private final Clock clock;

  public Harvester(CatalogueStore catalogue, ImportStore imports, Clock clock) {
    this.catalogue = catalogue;
    this.imports = imports;
    this.clock = clock;
  }

  /**
   * Makes the jurisdiction's catalogue the source's (services missing there are retired here, so
   * old requests still resolve); returns how many services the source has.
   */
  public int copyCatalogue(MirrorSource source, JurisdictionRecord jurisdiction) {
    GeoReportClient client = source.client();
    List<ServiceRecord> services = new ArrayList<>();
    for (Service s : client.services()) {
      List<ServiceAttribute> attributes = s.metadata() ? client.definition(s.code()).attributes() : List.of();
      services.add(new ServiceRecord(cut(s.code()), cut(s.name()), cut(s.description()), s.type(), cut(s.keywords()),
          cut(s.group()), null, null, attributes, false));
    }
    catalogue.synchronize(jurisdiction, services, clock.millis());
    return services.size();
  }

  /**
   * Adds the source's services missing from the jurisdiction, leaving its own as they are (for a
   * one-off import into a jurisdiction that may have a catalogue); returns how many were added.
   */
  public int addCatalogue(MirrorSource source, String jurisdictionId) {
    GeoReportClient client = source.client();
    Map<String, String> known = imports.serviceNames(jurisdictionId);
    List<ServiceRecord> services = new ArrayList<>();
    for (Service s : client.services()) {
      if (!known.containsKey(s.code())) {
        List<ServiceAttribute> attributes = s.metadata() ? client.definition(s.code()).attributes() : List.of();
        services.add(new ServiceRecord(cut(s.code()), cut(s.name()), cut(s.description()), s.type(),
            cut(s.keywords()), cut(s.group()), null, null, attributes, false));
      }
    }
    if (!services.isEmpty()) {
      imports.addServices(jurisdictionId, services, clock.millis());
    }
    return services.size();
  }

  /**
   * Reads the source's requests into the jurisdiction: those changed after {@code changedAfter}
   * (epoch ms) where the source takes {@code updated_after}, else all filed in the last
   * {@code sinceDays}; {@code progress} is told how many were read after each batch.
   */
  public Totals harvest(MirrorSource source, String jurisdictionId, Long changedAfter, int sinceDays,
      LongConsumer progress) {
    long began = clock.millis();
    GeoReportClient client = source.client();
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).withNano(0);
    OffsetDateTime since = now.minusDays(sinceDays);
    boolean byChange = takesUpdatedAfter(client, now);
    Search search;
    if (byChange) {
      OffsetDateTime after = changedAfter == null ? since
          : OffsetDateTime.ofInstant(java.time.Instant.ofEpochMilli(changedAfter), ZoneOffset.UTC).minus(OVERLAP);
      search = Search.builder().updatedAfter(after.withNano(0)).build();
    } else {
      search = Search.builder().start(since).end(now).build();
    }
    Harvest walk = Harvest.of(client, search);
    String method = (byChange ? "updated_after" : "requested dates") + (walk.byPage() ? ", by page" : ", by date windows");
    Map<String, String> known = new HashMap<>(imports.serviceNames(jurisdictionId));
    List<ImportedRequest> batch = new ArrayList<>(BATCH);
    long seen = 0;
    long added = 0;
    long updated = 0;
    long unchanged = 0;
    Long newest = null;
    Iterator<ServiceRequest> it = walk;
    while (it.hasNext()) {
      ServiceRequest r = it.next();
      seen++;
      if (r.updatedDatetime() != null) {
        long u = r.updatedDatetime().toInstant().toEpochMilli();
        newest = newest == null ? u : Math.max(newest, u);
      }
      batch.add(imported(r));
      if (batch.size() == BATCH) {
        ImportStore.BatchOutcome o = write(jurisdictionId, source, batch, known);
        added += o.added();
        updated += o.updated();
        unchanged += o.unchanged();
        progress.accept(seen);
      }
    }
    if (!batch.isEmpty()) {
      ImportStore.BatchOutcome o = write(jurisdictionId, source, batch, known);
      added += o.added();
      updated += o.updated();
      unchanged += o.unchanged();
      progress.accept(seen);
    }
    return new Totals(method, seen, added, updated, unchanged, newest, clock.millis() - began);
  }

  /**
   * Asks for what changed after tomorrow: a source that takes {@code updated_after} answers
   * nothing; one that ignores it answers its usual list.
   */
  private static boolean takesUpdatedAfter(GeoReportClient client, OffsetDateTime now) {
    return client.requests(Search.builder().updatedAfter(now.plusDays(1)).build()).isEmpty();
  }

  private ImportStore.BatchOutcome write(String jurisdictionId, MirrorSource source, List<ImportedRequest> batch,
      Map<String, String> known) {
    List<ServiceRecord> missing = new ArrayList<>();
    for (ImportedRequest r : batch) {
      if (!known.containsKey(r.serviceCode())) {
        known.put(r.serviceCode(), r.serviceName());
        missing.add(new ServiceRecord(r.serviceCode(), r.serviceName(), null,
            org.civic311.georeport.ServiceType.REALTIME, null, null, null, null, List.of(), false));
      }
    }
    if (!missing.isEmpty()) {
      imports.addServices(jurisdictionId, missing, clock.millis());
    }
    ImportStore.BatchOutcome o = imports.write(jurisdictionId, source.name(), batch, clock.millis());
    batch.clear();
    return o;
  }

  private static ImportedRequest imported(ServiceRequest r) {
    boolean closed = r.status().wireName().equals("closed");
    String notes = cut(r.statusNotes());
    Long changed = r.updatedDatetime() == null ? null : r.updatedDatetime().toInstant().toEpochMilli();
    boolean withUpdate = changed != null && (closed || notes != null && !notes.isBlank());
    String name = r.serviceName() == null || r.serviceName().isBlank() ? r.serviceCode() : r.serviceName();
    ImportedRequest.Builder b = ImportedRequest.builder()
        .externalId(cut(r.id()))
        .service(cut(r.serviceCode()), cut(name))
        .description(cut(r.description()))
        .agencyResponsible(cut(r.agencyResponsible()))
        .requestedAt(r.requestedDatetime().toInstant().toEpochMilli())
        .expectedAt(r.expectedDatetime() == null ? null : r.expectedDatetime().toInstant().toEpochMilli())
        .address(cut(r.address()))
        .zipcode(cut(r.zipcode()))
        .place(r.lat(), r.lon())
        .status(r.status().wireName(), null)
        .statusAt(withUpdate ? changed : null)
        .note(withUpdate ? notes : null);
    b.digest(org.civic311.server.domain.interop.Idempotency.digest(String.join("\u001f", Objects.toString(r.status()),
        Objects.toString(notes), Objects.toString(changed), Objects.toString(r.expectedDatetime()),
        Objects.toString(r.description()), Objects.toString(r.address()), Objects.toString(r.lat()),
        Objects.toString(r.lon()), Objects.toString(r.serviceCode()), Objects.toString(r.agencyResponsible()))
        .getBytes(StandardCharsets.UTF_8)));
    return b.build();
  }

  private static String cut(String s) {
    return s == null || s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT);
  }
}
