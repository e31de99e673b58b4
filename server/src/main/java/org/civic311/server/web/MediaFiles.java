package org.civic311.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.civic311.georeport.Format;
import org.civic311.server.media.MediaKey;
import org.civic311.server.media.MediaStore;
import org.civic311.server.media.StoredMedia;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves stored photos and thumbnails at stable URLs, {@code /media/<sha256>.<ext>} and
 * {@code /media/<sha256>-thumb.jpg}. The name is a content address, so an answer never changes:
 * it may be cached for a year. Only well-formed keys reach the store; anything else is a 404.
 */
final class MediaFiles extends Handler.Abstract {
  private final MediaStore store;

  MediaFiles(MediaStore store) {
    this.store = store;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws IOException {
    String path = request.getHttpURI().getPath();
    if (path == null || !path.startsWith(Uploads.PATH)) {
      return false;
    }
    if (!request.getMethod().equals("GET") && !request.getMethod().equals("HEAD")) {
      Reply.error(405, Format.XML, "photos can only be read").withAllow("GET, HEAD").send(response, callback);
      return true;
    }
    String name = path.substring(Uploads.PATH.length());
    int dot = name.lastIndexOf('.');
    String key = dot < 0 ? name : name.substring(0, dot);
    Optional<StoredMedia> media = MediaKey.isValid(key) ? store.get(key) : Optional.empty();
    if (media.isEmpty() || dot < 0 || !name.substring(dot + 1).equals(media.get().type().extension())) {
      Reply.error(404, Format.XML, "no such photo: " + name).send(response, callback);
      return true;
    }
    String etag = "\"" + key + "\"";
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "public, max-age=31536000, immutable");
    response.getHeaders().put(HttpHeader.ETAG, etag);
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, media.get().type().mimeType());
    if (etag.equals(request.getHeaders().get(HttpHeader.IF_NONE_MATCH))) {
      response.setStatus(304);
      response.write(true, null, callback);
      return true;
    }
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, media.get().length());
    if (request.getMethod().equals("HEAD")) {
      response.write(true, null, callback);
      return true;
    }
    try (InputStream in = store.open(key).orElseThrow()) {
      response.write(true, ByteBuffer.wrap(in.readAllBytes()), callback);
    }
    return true;
  }
}
