package org.civic311.server.web;

import java.util.Optional;
import org.civic311.georeport.Format;
import org.eclipse.jetty.util.URIUtil;

/**
 * A parsed API path below the base path, such as {@code services/S0301.json}. The format is
 * split at the last dot of the last segment, and the code or id is URL-decoded, so codes with
 * dots, spaces or colons still work.
 */
record Route(Resource resource, String id, Format format) {

  enum Resource { DISCOVERY, SERVICES, SERVICE, REQUESTS, REQUEST, TOKEN, UPDATES }

  /** The format an error about this path should use: JSON only when it asked for JSON. */
  static Format errorFormat(String rawPath) {
    int slash = rawPath.lastIndexOf('/');
    int dot = rawPath.lastIndexOf('.');
    if (dot > slash) {
      return Format.ofExtension(rawPath.substring(dot + 1)).orElse(Format.XML);
    }
    return Format.XML;
  }

  /** The route of a path below the base path (without leading slash), if there is one. */
  static Optional<Route> parse(String rest) {
    int slash = rest.indexOf('/');
    String head = slash < 0 ? rest : rest.substring(0, slash);
    String tail = slash < 0 ? null : rest.substring(slash + 1);
    if (tail == null) {
      int dot = head.lastIndexOf('.');
      if (dot < 0) {
        return Optional.empty();
      }
      Optional<Format> format = Format.ofExtension(head.substring(dot + 1));
      if (format.isEmpty()) {
        return Optional.empty();
      }
      Resource r = switch (head.substring(0, dot)) {
        case "discovery" -> Resource.DISCOVERY;
        case "services" -> Resource.SERVICES;
        case "requests" -> Resource.REQUESTS;
        case "servicerequestupdates" -> Resource.UPDATES;
        default -> null;
      };
      return r == null ? Optional.empty() : Optional.of(new Route(r, null, format.get()));
    }
    if (tail.isEmpty() || tail.contains("/")) {
      return Optional.empty();
    }
    int dot = tail.lastIndexOf('.');
    if (dot <= 0) {
      return Optional.empty();
    }
    Optional<Format> format = Format.ofExtension(tail.substring(dot + 1));
    if (format.isEmpty()) {
      return Optional.empty();
    }
    Resource r = switch (head) {
      case "services" -> Resource.SERVICE;
      case "requests" -> Resource.REQUEST;
      case "tokens" -> Resource.TOKEN;
      default -> null;
    };
    if (r == null) {
      return Optional.empty();
    }
    String id;
    try {
      id = URIUtil.decodePath(tail.substring(0, dot));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    return Optional.of(new Route(r, id, format.get()));
  }

  /** The methods this resource answers. */
  String allowed() {
    return takesPosts() ? "GET, POST" : "GET";
  }

  boolean allows(String method) {
    return method.equals("GET") || method.equals("POST") && takesPosts();
  }

  private boolean takesPosts() {
    return resource == Resource.REQUESTS || resource == Resource.UPDATES;
  }
}
