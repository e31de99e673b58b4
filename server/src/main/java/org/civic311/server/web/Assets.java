package org.civic311.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Static files of the pages, from the jar: each page family's own script and style sheet, and
 * Leaflet's files from its WebJar. Only names on the list are served, so no path reaches the
 * class path. Read once, then kept in memory.
 */
public final class Assets {
  private static final String LEAFLET = "/META-INF/resources/webjars/leaflet/1.9.4/dist/";
  private final Map<String, String> files;
  private final Map<String, Asset> cache = new ConcurrentHashMap<>();

  /** A file's bytes and content type. */
  public record Asset(byte[] bytes, String contentType) {}

  /** Serves the given names (such as {@code staff.css}) from class path resources, plus Leaflet's files. */
  public Assets(Map<String, String> own) {
    this(withLeaflet(own), true);
  }

  private Assets(Map<String, String> files, boolean asGiven) {
    this.files = Map.copyOf(files);
  }

  /** Serves the given names from class path resources, and nothing else. */
  public static Assets only(Map<String, String> files) {
    return new Assets(files, true);
  }

  private static Map<String, String> withLeaflet(Map<String, String> own) {
    Map<String, String> all = new HashMap<>(own);
    all.put("leaflet/leaflet.js", LEAFLET + "leaflet.js");
    all.put("leaflet/leaflet.css", LEAFLET + "leaflet.css");
    for (String image : new String[] {"marker-icon.png", "marker-icon-2x.png", "marker-shadow.png", "layers.png",
        "layers-2x.png"}) {
      all.put("leaflet/images/" + image, LEAFLET + "images/" + image);
    }
    return all;
  }

  public Optional<Asset> find(String name) {
    String resource = files.get(name);
    if (resource == null) {
      return Optional.empty();
    }
    return Optional.of(cache.computeIfAbsent(name, n -> load(resource)));
  }

  /** The answer for an asset, or a 404 failure when there is no such file. */
  public Answer answer(String name, String cacheControl) {
    Asset a = find(name).orElseThrow(() -> new Failure(404, "There is no such file."));
    return Answer.of(200, a.contentType(), a.bytes()).withHeader("Cache-Control", cacheControl);
  }

  /** The answer for an asset, cached for an hour. */
  public Answer answer(String name) {
    return answer(name, "public, max-age=3600");
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
    if (resource.endsWith(".ico")) {
      return "image/x-icon";
    }
    if (resource.endsWith(".txt")) {
      return "text/plain; charset=utf-8";
    }
    if (resource.endsWith(".svg")) {
      return "image/svg+xml";
    }
    return "image/png";
  }
}
