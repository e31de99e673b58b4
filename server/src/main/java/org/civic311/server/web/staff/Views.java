package org.civic311.server.web.staff;

import org.civic311.server.web.Exchange;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.civic311.georeport.ExtendedStatus;
import org.civic311.server.domain.staff.Sessions;
import org.civic311.server.web.citizen.Messages;

/** Small helpers shared by the page models: times in the jurisdiction's zone, options, URLs. */
public final class Views {
  private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  private Views() {}

  /** A choice in a select list. */
  public record Option(String value, String label) {}

  /** A time as every page shows it: local to the zone, with the zone's abbreviation. */
  public static String time(Long epochMillis, ZoneId zone) {
    return org.civic311.server.web.PageTimes.show(epochMillis, zone);
  }

  static String inputTime(Long epochMillis, ZoneId zone) {
    return epochMillis == null ? "" : INPUT.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
  }

  /** Every detailed status a request can be given, in the order staff work through them, in words. */
  static List<Option> detailedStatuses(Messages t) {
    List<Option> out = new ArrayList<>();
    for (ExtendedStatus s : ExtendedStatus.values()) {
      if (s != ExtendedStatus.UNCHANGED) {
        out.add(new Option(s.wireName(), label(s, t)));
      }
    }
    return out;
  }

  /** A status in words, with the open or closed it counts as: "Fixed (closed)". */
  static String label(ExtendedStatus s, Messages t) {
    String words = t.get("status." + s.wireName());
    return s.core().filter(c -> !c.name().equalsIgnoreCase(s.wireName()))
        .map(c -> t.get("status.counts_as", words, t.get("status." + c.name().toLowerCase(java.util.Locale.ROOT))))
        .orElse(words);
  }

  /** The abbreviation of a zone, as the times show it, for headings such as "Created (EST)". */
  static String zoneName(ZoneId zone) {
    return DateTimeFormatter.ofPattern("zzz", java.util.Locale.ENGLISH).format(java.time.ZonedDateTime.now(zone));
  }

  /** A refused form's words by field, in the reader's language. */
  static java.util.Map<String, String> words(org.civic311.server.domain.staff.InvalidInput e, Messages t) {
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    e.fields().forEach((field, w) -> out.put(field, t.get(w)));
    return out;
  }

  static String enc(String s) {
    return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
  }

  static String csrf(Exchange x) {
    return x.session().map(Sessions.Session::csrfToken).orElse("");
  }

  static String shortText(String s, int max) {
    if (s == null) {
      return "";
    }
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() <= max ? one : one.substring(0, max - 1) + "…";
  }
}
