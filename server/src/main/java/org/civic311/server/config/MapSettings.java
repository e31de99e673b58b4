package org.civic311.server.config;

/**
 * The maps of the staff and public pages.
 *
 * @param tileUrl     a Leaflet tile URL template (default OpenStreetMap's standard tiles, whose
 *                    usage policy asks busy sites to run or rent their own tile server)
 * @param attribution the credit shown on the map, as plain text
 * @param centerLat   where maps start when there is nothing to show (default Washington, DC)
 * @param centerLon   see {@code centerLat}
 * @param zoom        the starting zoom level, 1 to 19 (default 12)
 */
public record MapSettings(String tileUrl, String attribution, Double centerLat, Double centerLon, Integer zoom) {
  public static final String OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

  public MapSettings {
    tileUrl = tileUrl == null || tileUrl.isBlank() ? OSM_TILES : tileUrl.trim();
    attribution = attribution == null ? "© OpenStreetMap contributors" : attribution;
    centerLat = centerLat == null ? 38.9072 : centerLat;
    centerLon = centerLon == null ? -77.0369 : centerLon;
    zoom = zoom == null ? 12 : zoom;
  }

  /** The scheme and host the tiles come from, for the pages' content security policy. */
  public String tileOrigin() {
    int scheme = tileUrl.indexOf("://");
    if (scheme < 0) {
      return "'self'";
    }
    int end = tileUrl.indexOf('/', scheme + 3);
    return (end < 0 ? tileUrl : tileUrl.substring(0, end)).replace("{s}", "*");
  }
}
