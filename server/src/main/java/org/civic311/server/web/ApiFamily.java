package org.civic311.server.web;

import java.util.Optional;
import org.civic311.georeport.Format;
import org.civic311.server.domain.ApiKeys;
import org.civic311.server.domain.Jurisdiction;
import org.civic311.server.domain.Jurisdictions;
import org.civic311.server.domain.Refusal;
import org.civic311.server.storage.ApiKeyRecord;
import org.eclipse.jetty.http.HttpFields;

/**
 * The GeoReport API's family: failures as GeoReport error documents in the format the path asked
 * (XML when it asked none), CORS for browser apps on other origins, and an API key named in the
 * query checked before any body is read.
 */
final class ApiFamily implements Family {
  private final ApiSettings settings;
  private final Jurisdictions jurisdictions;
  private final ApiKeys keys;
  private final Cors cors;
  private final String base;
  private final String parent;

  ApiFamily(ApiSettings settings, Jurisdictions jurisdictions, ApiKeys keys) {
    this.settings = settings;
    this.jurisdictions = jurisdictions;
    this.keys = keys;
    this.cors = new Cors(settings.corsOrigins());
    this.base = settings.basePath().equals("/") ? "" : settings.basePath();
    int slash = base.lastIndexOf('/');
    this.parent = slash > 0 ? base.substring(0, slash) : null;
  }

  @Override
  public boolean readsFromReplicas() {
    return true;
  }

  @Override
  public boolean owns(String path) {
    return !base.isEmpty() && (path.equals(base) || path.startsWith(base + "/"))
        || parent != null && path.startsWith(parent + "/discovery.");
  }

  @Override
  public Answer before(Exchange x) {
    if (x.method().equals("POST")) {
      // A key in the query is judged before a byte of the body is read.
      Optional<String> key = GeoReportApi.queryKey(x.queryParameters());
      if (key.isPresent()) {
        Jurisdiction j = jurisdictionOf(x);
        if (j != null) {
          x.keyLabel(keys.authenticate(key, j).label());
        }
      }
    }
    return null;
  }

  @Override
  public void checked(Exchange x) {
    if (x.method().equals("POST") && x.keyLabel() == null) {
      Optional<String> key = x.parameters().all("api_key").stream().findFirst();
      Jurisdiction j = jurisdictionOf(x);
      if (key.isPresent() && j != null) {
        try {
          ApiKeyRecord record = keys.authenticate(key, j);
          x.keyLabel(record.label());
        } catch (Refusal e) {
          x.keyLabel("(refused)");
        }
      }
    }
  }

  private Jurisdiction jurisdictionOf(Exchange x) {
    try {
      return jurisdictions.resolve(x.parameters().optional("jurisdiction_id")).jurisdiction();
    } catch (RuntimeException e) {
      return null; // the route says what is wrong with it
    }
  }

  @Override
  public Answer error(Exchange x, Failure failure) {
    Format format = x.route() != null ? GeoReportApi.format(x) : errorFormat(x.path());
    if (x.route() == null && failure.status() == 404) {
      String rest = x.path().startsWith(base + "/") ? x.path().substring(base.length() + 1) : x.path();
      return Reply.error(404, format, "no such resource: " + rest
          + " (paths end in .xml or .json, such as services.xml)");
    }
    return Reply.error(failure.status(), format, failure.messages());
  }

  /** The format an error about this path should use: JSON only when it asked for JSON. */
  static Format errorFormat(String path) {
    int slash = path.lastIndexOf('/');
    int dot = path.lastIndexOf('.');
    if (dot > slash) {
      return Format.ofExtension(path.substring(dot + 1)).orElse(Format.XML);
    }
    return Format.XML;
  }

  @Override
  public void decorate(Exchange x, Answer answer, HttpFields.Mutable headers) {
    cors.decorate(x.request(), headers);
    headers.put("X-Content-Type-Options", "nosniff");
  }

  @Override
  public String cacheControl() {
    return "no-cache";
  }

  @Override
  public Answer options(Exchange x) {
    return cors.preflight(x.request(), "GET, HEAD, POST, OPTIONS", "Content-Type, Idempotency-Key, Civic311-Written");
  }
}
