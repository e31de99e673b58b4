package org.civic311.server.web.citizen;

/**
 * What every public page's frame needs: its title, the reader's texts, where it is (for the
 * language switch), whether it has a map, the map's settings, and the feeds it announces (or null).
 */
public record Page(String title, Messages t, String path, boolean map, MapSettingsView mapSettings, Feeds feeds) {

  public Page(String title, Messages t, String path, boolean map, MapSettingsView mapSettings) {
    this(title, t, path, map, mapSettings, null);
  }

  /** The Atom and RSS feeds of what a page shows, for the head's alternate links and a visible link. */
  public record Feeds(String title, String atom, String rss) {}

  /** The same page announcing its feeds. */
  public Page withFeeds(Feeds f) {
    return new Page(title, t, path, map, mapSettings, f);
  }

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
