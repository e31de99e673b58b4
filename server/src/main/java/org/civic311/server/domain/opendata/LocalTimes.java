package org.civic311.server.domain.opendata;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import org.civic311.georeport.GeoDateTime;

/**
 * Writes stored times (epoch ms) in a jurisdiction's zone, as the API does, for a download's
 * millions of rows. It keeps the last few spans between two of the zone's transitions (the
 * offset is the same all through one), so the zone rules are asked again only when a time falls
 * outside all of them; asking them for every time cost a tenth of an export. A few years of
 * requests fall in a dozen spans. One per download: not thread-safe.
 */
final class LocalTimes {
  private static final int SPANS = 16;
  private final ZoneRules rules;
  private final long[] from = new long[SPANS];
  private final long[] to = new long[SPANS];
  private final ZoneOffset[] offsets = new ZoneOffset[SPANS];
  private int kept;
  private int next;

  LocalTimes(ZoneId zone) {
    this.rules = zone.getRules();
  }

  /** The time as GeoReport writes it, for example {@code 2026-03-01T09:14:00-05:00}. */
  String format(long epochMillis) {
    ZoneOffset offset = offsetAt(epochMillis);
    long seconds = Math.floorDiv(epochMillis, 1000);
    return GeoDateTime.format(OffsetDateTime.of(LocalDateTime.ofEpochSecond(seconds, 0, offset), offset));
  }

  private ZoneOffset offsetAt(long epochMillis) {
    for (int i = 0; i < kept; i++) {
      if (epochMillis >= from[i] && epochMillis < to[i]) {
        return offsets[i];
      }
    }
    Instant t = Instant.ofEpochMilli(epochMillis);
    ZoneOffset offset = rules.getOffset(t);
    // Transitions at or before t, and strictly after it: the offset holds from one to the other.
    ZoneOffsetTransition before = rules.previousTransition(t.plusMillis(1));
    ZoneOffsetTransition after = rules.nextTransition(t);
    int i = next;
    next = (next + 1) % SPANS;
    kept = Math.max(kept, i + 1);
    from[i] = before == null ? Long.MIN_VALUE : before.toEpochSecond() * 1000;
    to[i] = after == null ? Long.MAX_VALUE : after.toEpochSecond() * 1000;
    offsets[i] = offset;
    return offset;
  }
}
