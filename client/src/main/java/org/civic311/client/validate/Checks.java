package org.civic311.client.validate;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.civic311.client.HttpAnswer;
import org.civic311.georeport.Conformance;
import org.civic311.georeport.DocumentException;
import org.civic311.georeport.DocumentKind;
import org.civic311.georeport.DocumentReader;
import org.civic311.georeport.Format;
import org.civic311.georeport.GeoReportError;

/**
 * What every check shares: the endpoint's base URL and jurisdiction, the {@link Probe} that
 * makes calls, the report, and the judgement of one answer (its content type and its document,
 * by georeport's {@link Conformance}; an error answer by section 6).
 */
final class Checks {
  static final DocumentReader READER = new DocumentReader();
  private static final int EXCERPT = 160;
  final Probe probe;
  final Report report;
  final URI base;
  final String jurisdiction;
  /** The formats to check: XML always, JSON when the server serves it. */
  final java.util.List<Format> formats = new java.util.ArrayList<>(List.of(Format.XML));

  Checks(Probe probe, Report report, URI base, String jurisdiction) {
    this.probe = probe;
    this.report = report;
    this.base = base;
    this.jurisdiction = jurisdiction;
  }

  /** The URL of {@code path} in {@code format}, with the jurisdiction (when given) and {@code query}. */
  URI url(String path, Format format, Map<String, String> query) {
    Map<String, String> q = new LinkedHashMap<>();
    if (jurisdiction != null) {
      q.put("jurisdiction_id", jurisdiction);
    }
    q.putAll(query);
    StringBuilder s = new StringBuilder(base.toString()).append('/').append(path).append('.').append(format.extension());
    char sep = '?';
    for (Map.Entry<String, String> e : q.entrySet()) {
      s.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
      sep = '&';
    }
    return URI.create(s.toString());
  }

  static String segment(String value) {
    return encode(value).replace("+", "%20");
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** A GET in a format; the call is named after the path and format, such as {@code GET services.json}. */
  Optional<HttpAnswer> get(String path, Format format, Map<String, String> query) {
    return probe.get("GET " + path + "." + format.extension(), url(path, format, query));
  }

  static Evidence evidence(HttpAnswer a) {
    return new Evidence(a.call(), a.uri().toString(), a.status(), a.contentType(), printable(a.excerpt(EXCERPT)));
  }

  private static String printable(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return out.toString();
  }

  void error(Rule rule, String message, HttpAnswer a) {
    report.add(new Finding(rule, Severity.ERROR, message, evidence(a)));
  }

  void warning(Rule rule, String message, HttpAnswer a) {
    report.add(new Finding(rule, Severity.WARNING, message, evidence(a)));
  }

  /**
   * Judges a successful answer that should be a {@code kind} document: its content type, then
   * the document. Violations of one rule in one answer become one finding, counting the rest.
   *
   * @return true when the document could be parsed at all
   */
  boolean document(DocumentKind kind, Format format, HttpAnswer a) {
    contentType(format, a);
    report.checked(Rule.DOCUMENT_SHAPE);
    Map<Verdicts.Verdict, List<String>> grouped = new LinkedHashMap<>();
    List<String> violations = Conformance.check(kind, format, a.body());
    // A number where a string is required is reported twice (not a string, so empty); once is enough.
    java.util.Set<String> notText = new java.util.HashSet<>();
    for (String v : violations) {
      int at = v.indexOf(" must be a JSON string, not ");
      if (at > 0) {
        notText.add(v.substring(0, at));
      }
    }
    for (String v : violations) {
      int at = v.indexOf(" is required and must not be empty");
      if (at > 0 && notText.contains(v.substring(0, at))) {
        continue;
      }
      grouped.computeIfAbsent(Verdicts.of(v), k -> new java.util.ArrayList<>()).add(v);
    }
    for (Map.Entry<Verdicts.Verdict, List<String>> g : grouped.entrySet()) {
      List<String> all = g.getValue();
      String message = a.call() + ": " + all.get(0) + (all.size() > 1 ? " (and " + (all.size() - 1) + " more like it)" : "");
      report.add(new Finding(g.getKey().rule(), g.getKey().severity(), message, evidence(a)));
    }
    try {
      READER.tree(a.body(), format);
      return true;
    } catch (DocumentException e) {
      return false;
    }
  }

  /** The {@code Content-Type}: the wrong media type is an error, a missing charset a warning. */
  void contentType(Format format, HttpAnswer a) {
    report.checked(Rule.CONTENT_TYPE);
    String expected = format.contentType();
    String got = a.contentType();
    String normal = got == null ? "" : got.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    if (normal.equals(expected.replace(" ", ""))) {
      return;
    }
    String media = normal.split(";")[0];
    String wanted = expected.split(";")[0];
    if (media.equals(wanted) || format == Format.XML && media.equals("application/xml")) {
      if (!normal.contains("charset=utf-8")) {
        warning(Rule.CONTENT_TYPE, a.call() + ": Content-Type '" + got + "' does not say charset=utf-8", a);
      }
      return;
    }
    error(Rule.CONTENT_TYPE, a.call() + ": Content-Type must be '" + expected + "', not "
        + (got == null ? "missing" : "'" + got + "'"), a);
  }

  /**
   * Judges an answer that should be an error: a status in {@code wanted} (else {@code others}
   * decide: a different 4xx is a warning, anything else an error), and a GeoReport error list
   * in the requested format.
   */
  void errorAnswer(Rule statusRule, int wanted, Format format, HttpAnswer a, String situation) {
    report.checked(statusRule);
    if (a.status() != wanted) {
      boolean other4xx = a.status() >= 400 && a.status() < 500;
      String message = a.call() + ": " + situation + " must be answered " + wanted + ", not " + a.status();
      if (other4xx) {
        warning(statusRule, message, a);
      } else {
        error(statusRule, message, a);
      }
    }
    if (a.ok()) {
      return;
    }
    report.checked(Rule.ERROR_DOCUMENT);
    List<GeoReportError> errors = errors(a, format);
    if (errors == null) {
      error(Rule.ERROR_DOCUMENT, a.call() + ": the " + a.status() + " answer is not a GeoReport error list in "
          + format.extension().toUpperCase(Locale.ROOT) + looksLike(a), a);
      return;
    }
    document(DocumentKind.ERRORS, format, a);
  }

  private static String looksLike(HttpAnswer a) {
    String start = a.excerpt(200).toLowerCase(Locale.ROOT);
    return start.contains("<html") || start.contains("<!doctype html") ? " (it is an HTML page)" : "";
  }

  private static List<GeoReportError> errors(HttpAnswer a, Format format) {
    try {
      List<GeoReportError> e = READER.errors(a.body(), format);
      return e.isEmpty() ? null : e;
    } catch (DocumentException e) {
      return null;
    }
  }
}
