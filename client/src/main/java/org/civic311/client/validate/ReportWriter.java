package org.civic311.client.validate;

import java.util.Locale;

/**
 * Writes a {@link Report} for people ({@link #text}), for programs ({@link #json}) or for CI
 * systems ({@link #junit}: one test case per rule checked, failed by its errors, its warnings
 * in the case's output). Stateless.
 */
public final class ReportWriter {
  private ReportWriter() {}

  /** One block per finding, then a summary line and the notes. */
  public static String text(Report r) {
    StringBuilder s = new StringBuilder();
    s.append("civic311 validate ").append(r.target()).append('\n');
    for (Finding f : r.findings()) {
      s.append('\n').append(f.severity() == Severity.ERROR ? "ERROR  " : "WARNING").append("  ")
          .append(f.rule().id()).append(" (GEOREPORT.md section ").append(f.rule().section()).append(")\n")
          .append("  ").append(f.message()).append('\n');
      Evidence e = f.evidence();
      s.append("  evidence: ").append(e.url());
      if (e.status() > 0) {
        s.append(" -> ").append(e.status()).append(e.contentType() == null ? "" : " " + e.contentType());
        if (e.excerpt() != null && !e.excerpt().isEmpty()) {
          s.append("\n  body: ").append(e.excerpt());
        }
      } else {
        s.append(" -> no answer");
      }
      s.append('\n');
    }
    s.append('\n').append(r.checked().size()).append(r.checked().size() == 1 ? " rule" : " rules")
        .append(" checked in ").append(r.calls()).append(" calls: ")
        .append(r.errors()).append(r.errors() == 1 ? " error, " : " errors, ")
        .append(r.warnings()).append(r.warnings() == 1 ? " warning" : " warnings")
        .append(r.passed() ? " (passed)" : " (failed)").append('\n');
    for (String note : r.notes()) {
      s.append("note: ").append(note).append('\n');
    }
    if (r.failure() != null) {
      s.append("failed: ").append(r.failure()).append('\n');
    }
    return s.toString();
  }

  /** A JSON object: target, calls, counts, passed, the rules checked, findings and notes. */
  public static String json(Report r) {
    StringBuilder s = new StringBuilder("{");
    s.append("\"target\":").append(quote(r.target()))
        .append(",\"calls\":").append(r.calls())
        .append(",\"errors\":").append(r.errors())
        .append(",\"warnings\":").append(r.warnings())
        .append(",\"passed\":").append(r.passed())
        .append(",\"checked\":[");
    boolean first = true;
    for (Rule rule : r.checked()) {
      s.append(first ? "" : ",").append(quote(rule.id()));
      first = false;
    }
    s.append("],\"findings\":[");
    first = true;
    for (Finding f : r.findings()) {
      Evidence e = f.evidence();
      s.append(first ? "" : ",").append("{\"rule\":").append(quote(f.rule().id()))
          .append(",\"section\":").append(quote(f.rule().section()))
          .append(",\"severity\":").append(quote(f.severity().name().toLowerCase(Locale.ROOT)))
          .append(",\"message\":").append(quote(f.message()))
          .append(",\"evidence\":{\"call\":").append(quote(e.call()))
          .append(",\"url\":").append(quote(e.url()))
          .append(",\"status\":").append(e.status() == 0 ? "null" : Integer.toString(e.status()))
          .append(",\"content_type\":").append(quote(e.contentType()))
          .append(",\"excerpt\":").append(quote(e.excerpt())).append("}}");
      first = false;
    }
    s.append("],\"notes\":[");
    first = true;
    for (String n : r.notes()) {
      s.append(first ? "" : ",").append(quote(n));
      first = false;
    }
    return s.append("],\"failure\":").append(quote(r.failure())).append("}\n").toString();
  }

  /** JUnit XML as CI systems read it: a suite named {@code open311-validate}, a case per rule checked. */
  public static String junit(Report r) {
    StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    int failed = r.failure() == null ? 0 : 1;
    s.append("<testsuite name=\"open311-validate\" tests=\"").append(r.checked().size() + failed)
        .append("\" failures=\"").append(r.checked().stream().filter(rule -> r.findings().stream()
            .anyMatch(f -> f.rule() == rule && f.severity() == Severity.ERROR)).count())
        .append("\" errors=\"").append(failed).append("\" skipped=\"0\">\n");
    s.append("  <properties><property name=\"target\" value=\"").append(xml(r.target()))
        .append("\"/><property name=\"calls\" value=\"").append(r.calls()).append("\"/></properties>\n");
    for (Rule rule : r.checked()) {
      s.append("  <testcase classname=\"open311.section-").append(xml(rule.section().replace(", ", "-")))
          .append("\" name=\"").append(xml(rule.id())).append("\">\n");
      StringBuilder out = new StringBuilder();
      for (Finding f : r.findings()) {
        if (f.rule() != rule) {
          continue;
        }
        String detail = f.message() + "\nevidence: " + f.evidence().url()
            + (f.evidence().status() > 0 ? " -> " + f.evidence().status() : " -> no answer")
            + (f.evidence().excerpt() == null ? "" : "\nbody: " + f.evidence().excerpt());
        if (f.severity() == Severity.ERROR) {
          s.append("    <failure message=\"").append(xml(f.message())).append("\" type=\"error\">")
              .append(xml(detail)).append("</failure>\n");
        } else {
          out.append("WARNING ").append(detail).append('\n');
        }
      }
      if (out.length() > 0) {
        s.append("    <system-out>").append(xml(out.toString())).append("</system-out>\n");
      }
      s.append("  </testcase>\n");
    }
    if (r.failure() != null) {
      s.append("  <testcase classname=\"open311\" name=\"validator-completed\">\n    <error message=\"")
          .append(xml(r.failure())).append("\"/>\n  </testcase>\n");
    }
    if (!r.notes().isEmpty()) {
      s.append("  <system-out>").append(xml(String.join("\n", r.notes()))).append("</system-out>\n");
    }
    return s.append("</testsuite>\n").toString();
  }

  private static String quote(String v) {
    if (v == null) {
      return "null";
    }
    StringBuilder s = new StringBuilder("\"");
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        case '\t' -> s.append("\\t");
        default -> {
          if (c < 0x20) {
            s.append(String.format("\\u%04x", (int) c));
          } else {
            s.append(c);
          }
        }
      }
    }
    return s.append('"').toString();
  }

  private static String xml(String v) {
    StringBuilder s = new StringBuilder();
    v.codePoints().forEach(c -> {
      switch (c) {
        case '&' -> s.append("&amp;");
        case '<' -> s.append("&lt;");
        case '>' -> s.append("&gt;");
        case '"' -> s.append("&quot;");
        default -> {
          boolean allowed = c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
              || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF;
          s.appendCodePoint(allowed ? c : '?');
        }
      }
    });
    return s.toString();
  }
}
