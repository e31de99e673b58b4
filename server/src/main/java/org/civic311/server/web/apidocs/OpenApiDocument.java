package org.civic311.server.web.apidocs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * The OpenAPI document of the jar ({@code /apidocs/openapi.yaml}), read once, its paths moved to
 * the configured base path, and written as JSON with the server's URL. The file is written for
 * the default base path; a server under another one serves the same document under that path.
 */
final class OpenApiDocument {
  static final String RESOURCE = "/apidocs/openapi.yaml";
  /** The base path the file's paths are written with. */
  static final String WRITTEN_BASE = "/open311/v2";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ObjectNode document;
  /** The last document written, with the server URL it was written for (clients mostly agree on one). */
  private volatile Written last;

  private record Written(String serverUrl, byte[] json) {}

  OpenApiDocument(String basePath) {
    this.document = rebased(read(), basePath);
  }

  /** The document as JSON, naming {@code serverUrl} (such as {@code https://311.example.org}) as its server. */
  byte[] json(String serverUrl) {
    Written w = last;
    if (w != null && w.serverUrl().equals(serverUrl)) {
      return w.json();
    }
    ObjectNode copy = document.deepCopy();
    ArrayNode servers = copy.putArray("servers");
    servers.addObject().put("url", serverUrl).put("description", "This server");
    try {
      byte[] json = JSON.writeValueAsBytes(copy);
      last = new Written(serverUrl, json);
      return json;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode read() {
    try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing from the jar: " + RESOURCE);
      }
      return (ObjectNode) new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /**
   * The document with its API paths under {@code basePath}, as {@code GeoReportApi} registers
   * them: the discovery one level up exists only when the base path has a parent, and the bare
   * base path only when it is not the root.
   */
  static ObjectNode rebased(ObjectNode document, String basePath) {
    String base = basePath.equals("/") ? "" : basePath;
    if (base.equals(WRITTEN_BASE)) {
      return document;
    }
    String writtenParent = WRITTEN_BASE.substring(0, WRITTEN_BASE.lastIndexOf('/'));
    int slash = base.lastIndexOf('/');
    String parent = slash >= 0 && !base.isEmpty() ? base.substring(0, slash) : null;
    ObjectNode paths = JSON.createObjectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = document.get("paths").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String path = e.getKey();
      String moved;
      if (path.equals(WRITTEN_BASE) || path.startsWith(WRITTEN_BASE + "/")) {
        moved = base + path.substring(WRITTEN_BASE.length());
      } else if (path.startsWith(writtenParent + "/discovery.")) {
        moved = parent == null ? "" : parent + path.substring(writtenParent.length());
      } else {
        moved = path;
      }
      if (!moved.isEmpty()) {
        paths.set(moved, e.getValue());
      }
    }
    ObjectNode copy = document.deepCopy();
    copy.set("paths", paths);
    return copy;
  }
}
