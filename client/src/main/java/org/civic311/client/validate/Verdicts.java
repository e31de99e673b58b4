package org.civic311.client.validate;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sorts the violations georeport's {@link org.civic311.georeport.Conformance} reports into the
 * validator's rules and severities. Conformance checks what this project promises to emit,
 * which is stricter than the standard in places (section 10's decisions); those places become
 * warnings here, the rest errors.
 */
final class Verdicts {
  record Verdict(Rule rule, Severity severity) {}

  private static final Pattern MISSING = Pattern.compile("\\.(\\w+) is missing; absent optional fields");
  private static final Pattern DATETIME_VALUE = Pattern.compile("not '(.*)'$");
  private static final Pattern FRACTIONAL =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d+(Z|[+-]\\d{2}:\\d{2})");
  /** Fields the standard requires wherever they belong (description only in attributes). */
  private static final Set<String> REQUIRED = Set.of("service_code", "service_name", "type", "metadata",
      "variable", "code", "datatype", "required", "order", "key", "name", "service_request_id", "status",
      "requested_datetime", "token", "changeset", "contact", "key_service", "endpoints", "specification",
      "url", "formats", "update_id", "updated_datetime", "attributes");

  private Verdicts() {}

  static Verdict of(String violation) {
    if (violation.contains("is personal data")) {
      return new Verdict(Rule.PERSONAL_DATA, Severity.ERROR);
    }
    if (violation.startsWith("XML must start with the declaration")) {
      return new Verdict(Rule.XML_DECLARATION, Severity.WARNING);
    }
    Matcher missing = MISSING.matcher(violation);
    if (missing.find()) {
      String field = missing.group(1);
      boolean required = REQUIRED.contains(field)
          || field.equals("description") && violation.contains(".attributes[");
      return required ? new Verdict(Rule.DOCUMENT_SHAPE, Severity.ERROR) : new Verdict(Rule.FIELDS_KEPT, Severity.WARNING);
    }
    if (violation.contains("must be a JSON string, not number")) {
      return new Verdict(Rule.IDS_AS_STRINGS, Severity.WARNING);
    }
    if (violation.contains("must be a JSON boolean") || violation.contains("must be true or false")) {
      return new Verdict(Rule.BOOLEANS, Severity.WARNING);
    }
    if (violation.contains("must be a datetime such as")) {
      Matcher value = DATETIME_VALUE.matcher(violation);
      if (value.find() && FRACTIONAL.matcher(value.group(1)).matches()) {
        return new Verdict(Rule.DATETIME_FRACTIONS, Severity.WARNING);
      }
      // The standard's own discovery example writes its changeset as '2011-02-03 14:18' (section 8.15).
      return new Verdict(Rule.DATETIMES, violation.startsWith("discovery") ? Severity.WARNING : Severity.ERROR);
    }
    return new Verdict(Rule.DOCUMENT_SHAPE, Severity.ERROR);
  }
}
