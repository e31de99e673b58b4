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

/** Small helpers shared by the page models: times in the jurisdiction's zone, options, URLs. */
public final class Views {
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  private Views() {}

  /** A choice in a select list. */
  public record Option(String value, String label) {}

  static String time(Long epochMillis, ZoneId zone) {
    return epochMillis == null ? "" : SHOWN.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
  }

  static String inputTime(Long epochMillis, ZoneId zone) {
    return epochMillis == null ? "" : INPUT.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
  }

  /** Every detailed status a request can be given, in the order staff work through them. */
  static List<Option> detailedStatuses() {
    List<Option> out = new ArrayList<>();
    for (ExtendedStatus s : ExtendedStatus.values()) {
      if (s != ExtendedStatus.UNCHANGED) {
        out.add(new Option(s.wireName(), label(s)));
      }
    }
    return out;
  }

  static String label(ExtendedStatus s) {
    String words = s.wireName().replace('_', ' ');
    String shown = Character.toUpperCase(words.charAt(0)) + words.substring(1);
    return shown + s.core().map(c -> " (" + c.name().toLowerCase(java.util.Locale.ROOT) + ")").orElse("");
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
