package org.civic311.server.domain.staff;

import org.civic311.server.domain.Wording;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.civic311.georeport.ExtendedStatus;
import org.civic311.server.domain.Catalogue;
import org.civic311.server.domain.Jurisdictions;
import org.civic311.server.storage.RequestQuery;
import org.civic311.server.storage.RequestRecord;
import org.civic311.server.storage.RequestStore;

/**
 * The staff queue: one page of a jurisdiction's requests, filtered and ordered, limited to what
 * the member may read. Every filter and order is served by an index, so a page costs about the
 * same with a million requests as with a hundred (see docs/PERFORMANCE.md).
 */
public final class Queue {
  public static final int PAGE_SIZE = 50;
  private static final int MAX_WORDS = 16;
  private final Jurisdictions jurisdictions;
  private final RequestStore requests;
  private final Clock clock;

  public Queue(Jurisdictions jurisdictions, RequestStore requests, Clock clock) {
    this.jurisdictions = jurisdictions;
    this.requests = requests;
    this.clock = clock;
  }

  /** One page: its requests, whether another page follows, and the catalogue they belong to. */
  public record Page(Catalogue catalogue, List<RequestRecord> requests, boolean hasNext) {}

  /**
   * @throws InvalidInput naming each filter at fault
   * @throws NotPermitted when the member may not read the jurisdiction
   */
  public Page page(StaffMember member, QueueFilter f) {
    Catalogue catalogue = jurisdiction(member, f.jurisdiction());
    String j = catalogue.jurisdiction().id();
    ZoneId zone = catalogue.jurisdiction().zone();
    Map<String, Wording> faults = new LinkedHashMap<>();
    List<String> statuses = List.of();
    if (!blank(f.status())) {
      String s = f.status().trim().toLowerCase(Locale.ROOT);
      if (!s.equals("open") && !s.equals("closed")) {
        faults.put("status", Wording.of("fault.open_closed"));
      } else {
        statuses = List.of(s);
      }
    }
    List<String> detailed = List.of();
    if (!blank(f.detailed())) {
      Optional<ExtendedStatus> s = ExtendedStatus.parse(f.detailed());
      if (s.isEmpty() || s.get() == ExtendedStatus.UNCHANGED) {
        faults.put("detailed", Wording.of("fault.status"));
      } else {
        detailed = List.of(s.get().wireName());
      }
    }
    Long from = day(f.from(), zone, "from", faults, false);
    Long to = day(f.to(), zone, "to", faults, true);
    if (from != null && to != null && from > to) {
      faults.put("to", Wording.of("fault.dates"));
    }
    List<String> words = new ArrayList<>();
    if (!blank(f.q())) {
      // Split at punctuation as the full-text index does: "window.pwned" is two words there, and
      // "12-14" two numbers; gluing them into one word would match nothing.
      for (String w : f.q().trim().split("[^\\p{L}\\p{N}]+")) {
        if (!w.isEmpty()) {
          words.add(w);
        }
      }
      if (words.isEmpty()) {
        faults.put("q", Wording.of("fault.q_empty"));
      } else if (words.size() > MAX_WORDS) {
        faults.put("q", Wording.of("fault.q_long", MAX_WORDS));
      }
    }
    RequestQuery.Order order = switch (blank(f.sort()) ? "newest" : f.sort().trim().toLowerCase(Locale.ROOT)) {
      case "newest" -> RequestQuery.Order.NEWEST;
      case "oldest" -> RequestQuery.Order.OLDEST;
      case "updated" -> RequestQuery.Order.UPDATED;
      case "service" -> RequestQuery.Order.SERVICE;
      case "status" -> RequestQuery.Order.STATUS;
      case "expected" -> RequestQuery.Order.EXPECTED;
      default -> {
        faults.put("sort", Wording.of("fault.sort"));
        yield RequestQuery.Order.NEWEST;
      }
    };
    if (f.page() < 1 || f.page() > 100_000) {
      faults.put("page", Wording.of("fault.page"));
    }
    if (!faults.isEmpty()) {
      throw new InvalidInput(faults);
    }
    List<String> agencies = new ArrayList<>(member.agenciesIn(j));
    if (!blank(f.agency())) {
      String a = f.agency().trim();
      if (!agencies.isEmpty() && !agencies.contains(a)) {
        return new Page(catalogue, List.of(), false);
      }
      agencies = List.of(a);
    }
    List<String> services = blank(f.service()) ? List.of() : List.of(f.service().trim());
    RequestQuery query = new RequestQuery(j, services, statuses, agencies, from, to, null, null, null, null, words,
        false, (f.page() - 1) * PAGE_SIZE, PAGE_SIZE + 1)
        .with(new RequestQuery.Staff(true, detailed, f.overdue() ? clock.millis() : null, order));
    List<RequestRecord> found = requests.search(query);
    boolean more = found.size() > PAGE_SIZE;
    return new Page(catalogue, more ? found.subList(0, PAGE_SIZE) : found, more);
  }

  /** The jurisdiction a member works in: the one named, or the first they may read. */
  public Catalogue jurisdiction(StaffMember member, String id) {
    if (!blank(id)) {
      Catalogue c = jurisdictions.all().stream().filter(x -> x.jurisdiction().id().equals(id.trim())).findFirst()
          .orElseThrow(() -> InvalidInput.of("jurisdiction", "refusal.no_jurisdiction", id.trim()));
      if (!member.canRead(c.jurisdiction().id())) {
        throw new NotPermitted("refusal.see_jurisdiction", c.jurisdiction().name());
      }
      return c;
    }
    return jurisdictions.all().stream().filter(c -> member.canRead(c.jurisdiction().id())).findFirst()
        .orElseThrow(() -> new NotPermitted("refusal.no_grant"));
  }

  /** The jurisdictions a member may read. */
  /**
   * The zone times of a jurisdiction are shown in; for things of no jurisdiction or of one no longer
   * served, the zone of the first jurisdiction, so a page never mixes zones without saying so.
   */
  public java.time.ZoneId zoneOf(String jurisdictionId) {
    List<Catalogue> all = jurisdictions.all();
    return all.stream().filter(c -> c.jurisdiction().id().equals(jurisdictionId)).findFirst()
        .or(() -> all.stream().findFirst()).map(c -> c.jurisdiction().zone()).orElse(java.time.ZoneOffset.UTC);
  }

  public List<Catalogue> readable(StaffMember member) {
    return jurisdictions.all().stream().filter(c -> member.canRead(c.jurisdiction().id())).toList();
  }

  private static Long day(String text, ZoneId zone, String field, Map<String, Wording> faults, boolean endOfDay) {
    if (blank(text)) {
      return null;
    }
    try {
      LocalDate d = LocalDate.parse(text.trim());
      return (endOfDay ? d.plusDays(1) : d).atStartOfDay(zone).toInstant().toEpochMilli() - (endOfDay ? 1 : 0);
    } catch (DateTimeParseException e) {
      faults.put(field, Wording.of("fault.date"));
      return null;
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
