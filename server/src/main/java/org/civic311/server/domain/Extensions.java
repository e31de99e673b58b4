package org.civic311.server.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civic311.georeport.ExtendedStatus;
import org.civic311.georeport.RequestExtensions;
import org.civic311.georeport.RequestUpdate;
import org.civic311.server.domain.privacy.PersonalData;
import org.civic311.server.storage.MediaRecord;
import org.civic311.server.storage.RequestRecord;
import org.civic311.server.storage.UpdateRecord;
import org.civic311.server.storage.UpdateStore;

/**
 * What {@code extensions=true} adds to requests: channel, extended status, duplicate and parent
 * links, every photo, the submitted answers and the public history. Two queries for any number
 * of requests, never one per request.
 */
public final class Extensions {
  private final UpdateStore updates;
  private final org.civic311.server.storage.RequestStore requests;

  private final org.civic311.server.storage.OutboxStore outbox;

  public Extensions(UpdateStore updates, org.civic311.server.storage.RequestStore requests) {
    this(updates, requests, null);
  }

  /** With {@code outbox}, a forwarded request's extensions name the upstream's id for it. */
  public Extensions(UpdateStore updates, org.civic311.server.storage.RequestStore requests,
      org.civic311.server.storage.OutboxStore outbox) {
    this.updates = updates;
    this.requests = requests;
    this.outbox = outbox;
  }

  /** The extensions of each record, in the same order; hidden records must be left out before. */
  public List<RequestExtensions> of(List<RequestRecord> records, ZoneId zone) {
    List<Long> ids = records.stream().map(RequestRecord::id).toList();
    Map<Long, List<UpdateRecord>> history = updates.historyOf(ids);
    Map<Long, List<MediaRecord>> media = updates.mediaOf(ids);
    Map<Long, List<Long>> duplicates = requests.duplicatesOf(ids);
    Map<Long, String> upstream = outbox == null ? Map.of() : outbox.upstreamIdsOf(ids);
    java.util.Set<Long> estimated = requests.expectedEstimated(ids);
    List<RequestExtensions> out = new ArrayList<>(records.size());
    for (RequestRecord r : records) {
      List<String> urls = new ArrayList<>();
      for (MediaRecord m : media.getOrDefault(r.id(), List.of())) {
        urls.add(m.url());
      }
      if (urls.isEmpty() && r.mediaUrl() != null) {
        urls.add(r.mediaUrl());
      }
      List<RequestExtensions.Answer> answers = new ArrayList<>();
      for (Map.Entry<String, List<String>> a : r.attributes().entrySet()) {
        for (String value : a.getValue()) {
          answers.add(new RequestExtensions.Answer(a.getKey(), value));
        }
      }
      List<RequestUpdate> notes = new ArrayList<>();
      for (UpdateRecord u : history.getOrDefault(r.id(), List.of())) {
        notes.add(publish(u, zone));
      }
      out.add(new RequestExtensions(r.channel(), extendedStatus(r), idOrNull(r.duplicateOf()),
          duplicates.getOrDefault(r.id(), List.of()).stream().map(String::valueOf).toList(),
          idOrNull(r.parentRequestId()), urls, r.supportCount(), answers, notes, upstream.get(r.id()),
          estimated.contains(r.id())));
    }
    return out;
  }

  public static ExtendedStatus extendedStatus(RequestRecord r) {
    return extendedStatus(r.extendedStatus(), r.status());
  }

  /** The finer status a request shows: its stored extended status, else its core status. */
  public static ExtendedStatus extendedStatus(String extended, String status) {
    ExtendedStatus s = ExtendedStatus.parse(extended).orElse(ExtendedStatus.UNCHANGED);
    return s != ExtendedStatus.UNCHANGED ? s : ExtendedStatus.parse(status).orElse(ExtendedStatus.OPEN);
  }

  /** An update as the public sees it, in the history and in {@code GET servicerequestupdates}. */
  public static RequestUpdate publish(UpdateRecord u, ZoneId zone) {
    List<String> urls = new ArrayList<>();
    for (MediaRecord m : u.media()) {
      urls.add(m.url());
    }
    return new RequestUpdate(u.updateId(), Long.toString(u.requestId()),
        ExtendedStatus.parse(u.status()).orElse(ExtendedStatus.UNCHANGED),
        Instant.ofEpochMilli(u.updatedAt()).atZone(zone).toOffsetDateTime(), PersonalData.mask(u.description()), urls,
        u.externalStatusCode());
  }

  private static String idOrNull(Long id) {
    return id == null ? null : Long.toString(id);
  }
}
