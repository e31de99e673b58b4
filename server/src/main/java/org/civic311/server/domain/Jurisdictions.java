package org.civic311.server.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civic311.server.storage.CatalogueStore;
import org.civic311.server.storage.JurisdictionRecord;

/**
 * The jurisdictions this server hosts and their current catalogues, and the rule that picks the
 * jurisdiction of a call: {@code jurisdiction_id} is needed only when there is more than one
 * (empty counts as absent), it matches whatever its case, and an unknown one is not found.
 * Thread-safe; {@link #reload} swaps in a fresh view from the store.
 */
public final class Jurisdictions {
  private final CatalogueStore store;
  private volatile View view = new View(Map.of(), Map.of());

  /** The catalogues by id, and by lower-case id; swapped together. */
  private record View(Map<String, Catalogue> byId, Map<String, Catalogue> byFoldedId) {}

  public Jurisdictions(CatalogueStore store) {
    this.store = store;
    reload();
  }

  /** Reads every jurisdiction and catalogue from the store again. */
  public void reload() {
    Map<String, Catalogue> fresh = new LinkedHashMap<>();
    for (JurisdictionRecord r : store.jurisdictions()) {
      Jurisdiction j = new Jurisdiction(r.id(), r.name(), ZoneId.of(r.timeZone()));
      fresh.put(r.id(), new Catalogue(j, Instant.ofEpochMilli(r.changeset()), store.services(r.id())));
    }
    // Not Map.copyOf: its order is unspecified, and all() promises id order.
    view = new View(Collections.unmodifiableMap(fresh), folded(fresh));
  }

  /**
   * The catalogues by lower-case id. Ids are usually domain names, which clients write in any
   * case. Two stored ids that differ only in case (the configuration refuses them, an old
   * database may hold them) are left out, so each of them needs its exact spelling.
   */
  private static Map<String, Catalogue> folded(Map<String, Catalogue> byId) {
    Map<String, Catalogue> out = new HashMap<>();
    Set<String> clashes = new HashSet<>();
    for (Map.Entry<String, Catalogue> e : byId.entrySet()) {
      String key = fold(e.getKey());
      if (out.putIfAbsent(key, e.getValue()) != null) {
        clashes.add(key);
      }
    }
    out.keySet().removeAll(clashes);
    return Map.copyOf(out);
  }

  private static String fold(String id) {
    return id.toLowerCase(Locale.ROOT);
  }

  /**
   * Reloads when another node changed a catalogue or added a jurisdiction, judged by the stored
   * changesets; cheap enough to call every few seconds.
   *
   * @return true when it reloaded
   */
  public boolean refreshIfChanged() {
    Map<String, Catalogue> current = view.byId();
    List<JurisdictionRecord> stored = store.jurisdictions();
    boolean same = stored.size() == current.size();
    for (JurisdictionRecord r : stored) {
      Catalogue c = current.get(r.id());
      same = same && c != null && c.changeset().toEpochMilli() == r.changeset();
    }
    if (!same) {
      reload();
    }
    return !same;
  }

  /** The catalogue of the jurisdiction a call names, or the only one when it names none. */
  public Catalogue resolve(Optional<String> jurisdictionId) {
    View v = view;
    Map<String, Catalogue> current = v.byId();
    if (jurisdictionId.isPresent()) {
      Catalogue c = current.get(jurisdictionId.get());
      if (c == null) {
        c = v.byFoldedId().get(fold(jurisdictionId.get()));
      }
      if (c == null) {
        throw Refusal.notFound("jurisdiction_id '" + jurisdictionId.get() + "' is not served here");
      }
      return c;
    }
    if (current.size() == 1) {
      return current.values().iterator().next();
    }
    if (current.isEmpty()) {
      throw Refusal.notFound("this server hosts no jurisdiction yet");
    }
    throw Refusal.invalid("jurisdiction_id is required: this server hosts " + current.size()
        + " jurisdictions (" + String.join(", ", current.keySet()) + ")");
  }

  /** Every catalogue, in jurisdiction id order. */
  public List<Catalogue> all() {
    return new ArrayList<>(view.byId().values());
  }

  /** The newest changeset of all catalogues, for discovery. */
  public Instant changeset() {
    Instant newest = Instant.EPOCH;
    for (Catalogue c : view.byId().values()) {
      if (c.changeset().isAfter(newest)) {
        newest = c.changeset();
      }
    }
    return newest;
  }
}
