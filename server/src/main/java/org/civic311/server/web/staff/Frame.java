package org.civic311.server.web.staff;

import org.civic311.server.domain.staff.StaffMember;
import org.civic311.server.web.Exchange;
import org.civic311.server.web.citizen.Messages;

/**
 * What every staff page's frame needs: the reader's texts, the title, who is signed in (null on the
 * sign-in page), the form token, which section is current, a notice to show, whether the page has a
 * map, and where the page is (for the language switch).
 */
public record Frame(Messages t, String title, StaffMember member, String csrf, String section, String notice,
    MapView map, String path) {

  /** Map settings for the page's script: tiles, credit, and where to start. */
  public record MapView(String tileUrl, String attribution, double lat, double lon, int zoom) {}

  /** The frame of a page shown to the signed-in member of this call. */
  public static Frame of(Exchange x, String title, String section, String notice, MapView map) {
    return new Frame(x.t(), title, x.session().map(s -> s.member()).orElse(null), Views.csrf(x), section, notice,
        map, here(x));
  }

  /** The frame of a page shown to nobody signed in (signing in, errors). */
  static Frame anonymous(Exchange x, String title, String section, String notice) {
    return new Frame(x.t(), title, null, null, section, notice, null, here(x));
  }

  private static String here(Exchange x) {
    if (!x.method().equals("GET") && !x.method().equals("HEAD")) {
      return StaffPages.ROOT + "/";
    }
    String query = x.request().getHttpURI().getQuery();
    String kept = query == null ? "" : String.join("&", java.util.Arrays.stream(query.split("&"))
        .filter(p -> !p.startsWith("lang=") && !p.isEmpty()).toList());
    return x.path() + (kept.isEmpty() ? "" : "?" + kept);
  }

  public boolean administrator() {
    return member != null && member.isAdministrator();
  }

  /** The same page in the other language. */
  public String switchLanguageUrl() {
    return path + (path.contains("?") ? "&" : "?") + "lang=" + otherLanguage();
  }

  public String otherLanguage() {
    return t.language().equals("es") ? "en" : "es";
  }
}
