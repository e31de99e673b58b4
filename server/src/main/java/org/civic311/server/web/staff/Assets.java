package org.civic311.server.web.staff;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The staff pages' static files from the jar: their own script and style sheet, and Leaflet's
 * files from its WebJar. Only names on the list are served, so no path reaches the class path.
 */
final class Assets {
  private static final String LEAFLET = "/META-INF/resources/webjars/leaflet/1.9.4/dist/";
  private static final Map<String, String> FILES = Map.of(
      "staff.css", "/staff-assets/staff.css",
      "staff.js", "/staff-assets/staff.js",
      "leaflet/leaflet.js", LEAFLET + "leaflet.js",
      "leaflet/leaflet.css", LEAFLET + "leaflet.css",
      "leaflet/images/marker-icon.png", LEAFLET + "images/marker-icon.png",
      "leaflet/images/marker-icon-2x.png", LEAFLET + "images/marker-icon-2x.png",
      "leaflet/images/marker-shadow.png", LEAFLET + "images/marker-shadow.png",
      "leaflet/images/layers.png", LEAFLET + "images/layers.png");

  /** A file's bytes and content type. */
  record Asset(byte[] bytes, String contentType) {}

  private final Map<String, Asset> cache = new ConcurrentHashMap<>();

  Optional<Asset> find(String name) {
    String resource = FILES.get(name);
    if (resource == null) {
      return Optional.empty();
    }
    return Optional.of(cache.computeIfAbsent(name, n -> load(resource)));
  }

  private static Asset load(String resource) {
    try (InputStream in = Assets.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing from the jar: " + resource);
      }
      return new Asset(in.readAllBytes(), type(resource));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String type(String resource) {
    if (resource.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    }
    if (resource.endsWith(".css")) {
      return "text/css; charset=utf-8";
    }
    return "image/png";
  }
}
