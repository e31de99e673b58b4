package org.civic311.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.civic311.server.media.MediaKey;
import org.civic311.server.media.MediaStore;
import org.civic311.server.media.StoredMedia;

/**
 * Serves stored photos and thumbnails at stable URLs, {@code /media/<sha256>.<ext>} and
 * {@code /media/<sha256>-thumb.jpg}, and the server's own root files ({@code /favicon.ico},
 * {@code /robots.txt}). A photo's name is a content address, so an answer never changes: it may
 * be cached for a year. Only well-formed keys reach the store; anything else is a 404.
 */
public final class MediaFiles {
  private final MediaStore store;
  private final FilesFamily family = new FilesFamily();
  private final Assets root = new Assets(java.util.Map.of("favicon.ico", "/root/favicon.ico",
      "robots.txt", "/root/robots.txt"));

  public MediaFiles(MediaStore store) {
    this.store = store;
  }

  public Family family() {
    return family;
  }

  public void routes(Routes r) {
    r.get(Uploads.PATH + "{name}", family, x -> photo(x.param("name")));
    r.get("/favicon.ico", family, x -> root.answer("favicon.ico", "public, max-age=86400"));
    r.get("/robots.txt", family, x -> root.answer("robots.txt", "public, max-age=86400"));
  }

  private Answer photo(String name) {
    int dot = name.lastIndexOf('.');
    String key = dot < 0 ? name : name.substring(0, dot);
    Optional<StoredMedia> media = MediaKey.isValid(key) ? store.get(key) : Optional.empty();
    if (media.isEmpty() || dot < 0 || !name.substring(dot + 1).equals(media.get().type().extension())) {
      throw new Failure(404, "no such photo: " + name);
    }
    try (InputStream in = store.open(key).orElseThrow(() -> new Failure(404, "no such photo: " + name))) {
      return Answer.of(200, media.get().type().mimeType(), in.readAllBytes())
          .withHeader("ETag", "\"" + key + "\"")
          .withHeader("Cache-Control", "public, max-age=31536000, immutable");
    } catch (IOException e) {
      throw new Failure(404, "no such photo: " + name);
    }
  }
}
