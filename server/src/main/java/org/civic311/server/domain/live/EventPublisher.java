package org.civic311.server.domain.live;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.civic311.georeport.DocumentWriter;
import org.civic311.georeport.Documents;
import org.civic311.georeport.Format;
import org.civic311.server.domain.Extensions;
import org.civic311.server.domain.Jurisdictions;
import org.civic311.server.domain.PublicView;
import org.civic311.server.storage.EventRecord;
import org.civic311.server.storage.RequestRecord;
import org.civic311.server.storage.RequestStore;
import org.civic311.server.storage.UpdateRecord;
import org.civic311.server.storage.UpdateStore;

/**
 * Makes log entries public, a batch at a time: the request as {@code GET requests} shows it now
 * ({@link PublicView}) and, for an update, the update as {@code GET servicerequestupdates} shows
 * it. A request that is hidden when the event is read is named by its id alone, whatever the
 * event, so its text leaves with no event after the moderator hid it.
 */
public final class EventPublisher {
  private static final JsonFactory JSON = JsonFactory.builder().build();
  private static final DocumentWriter WRITER = new DocumentWriter();
  private final Jurisdictions jurisdictions;
  private final RequestStore requests;
  private final UpdateStore updates;

  public EventPublisher(Jurisdictions jurisdictions, RequestStore requests, UpdateStore updates) {
    this.jurisdictions = jurisdictions;
    this.requests = requests;
    this.updates = updates;
  }

  public List<LiveEvent> publish(List<EventRecord> entries) {
    if (entries.isEmpty()) {
      return List.of();
    }
    Map<String, List<Long>> idsByJurisdiction = new LinkedHashMap<>();
    List<Long> withUpdates = new ArrayList<>();
    for (EventRecord e : entries) {
      idsByJurisdiction.computeIfAbsent(e.jurisdictionId(), j -> new ArrayList<>()).add(e.requestId());
      if (e.updateRow() != null) {
        withUpdates.add(e.requestId());
      }
    }
    Map<Long, RequestRecord> found = new HashMap<>();
    for (var ids : idsByJurisdiction.entrySet()) {
      for (RequestRecord r : requests.findAll(ids.getKey(), ids.getValue().stream().distinct().toList())) {
        found.put(r.id(), r);
      }
    }
    Map<Long, UpdateRecord> updateRows = new HashMap<>();
    if (!withUpdates.isEmpty()) {
      for (List<UpdateRecord> history : updates.historyOf(withUpdates.stream().distinct().toList()).values()) {
        for (UpdateRecord u : history) {
          updateRows.put(u.id(), u);
        }
      }
    }
    List<LiveEvent> out = new ArrayList<>(entries.size());
    for (EventRecord e : entries) {
      out.add(new LiveEvent(e, json(e, found.get(e.requestId()),
          e.updateRow() == null ? null : updateRows.get(e.updateRow()))));
    }
    return out;
  }

  private String json(EventRecord e, RequestRecord r, UpdateRecord u) {
    ZoneId zone = zone(e.jurisdictionId());
    StringWriter text = new StringWriter(1024);
    try (JsonGenerator g = JSON.createGenerator(text)) {
      g.writeStartObject();
      g.writeStringField("id", Long.toString(e.id()));
      g.writeStringField("type", e.kind());
      g.writeStringField("at", Instant.ofEpochMilli(e.at()).atZone(zone).toOffsetDateTime().toString());
      g.writeStringField("jurisdiction_id", e.jurisdictionId());
      g.writeStringField("service_request_id", Long.toString(e.requestId()));
      boolean visible = r != null && !r.hidden();
      if (visible) {
        if (e.kind().equals("request.merged") && r.duplicateOf() != null) {
          g.writeStringField("duplicate_of", Long.toString(r.duplicateOf()));
        }
        g.writeFieldName("request");
        g.writeRawValue(only(WRITER.write(Documents.requests(List.of(PublicView.of(r, zone))), Format.JSON)));
        if (u != null) {
          g.writeFieldName("update");
          g.writeRawValue(only(WRITER.write(Documents.updates(List.of(Extensions.publish(u, zone))), Format.JSON)));
        }
      }
      g.writeEndObject();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return text.toString();
  }

  /** The one element of a JSON array of one. */
  private static String only(byte[] array) {
    String s = new String(array, StandardCharsets.UTF_8).trim();
    return s.substring(1, s.length() - 1);
  }

  private ZoneId zone(String jurisdictionId) {
    try {
      return jurisdictions.resolve(Optional.of(jurisdictionId)).jurisdiction().zone();
    } catch (RuntimeException e) {
      return ZoneId.of("UTC");
    }
  }
}
