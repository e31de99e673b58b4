package org.civic311.server.web.staff;

import org.civic311.server.domain.staff.StaffMember;

/**
 * What every staff page's frame needs: the title, who is signed in (null on the sign-in page),
 * the form token, which section is current, a notice to show, and whether the page has a map.
 */
public record Frame(String title, StaffMember member, String csrf, String section, String notice, MapView map) {

  /** Map settings for the page's script: tiles, credit, and where to start. */
  public record MapView(String tileUrl, String attribution, double lat, double lon, int zoom) {}

  public boolean administrator() {
    return member != null && member.isAdministrator();
  }
}
