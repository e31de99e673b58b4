package org.civic311.server.web.citizen;

/**
 * What every public page's frame needs: its title, the reader's texts, where it is (for the
 * language switch), whether it has a map, and the map's settings.
 */
public record Page(String title, Messages t, String path, boolean map, MapSettingsView mapSettings) {

  /** The map settings a page's script reads. */
  public record MapSettingsView(String tileUrl, String attribution, double lat, double lon, int zoom) {}

  /** The same page in the other language. */
  public String switchLanguageUrl() {
    String other = t.language().equals("es") ? "en" : "es";
    return path + (path.contains("?") ? "&" : "?") + "lang=" + other;
  }

  public String otherLanguageName() {
    return t.language().equals("es") ? "English" : "Español";
  }

  public String otherLanguage() {
    return t.language().equals("es") ? "en" : "es";
  }
}
