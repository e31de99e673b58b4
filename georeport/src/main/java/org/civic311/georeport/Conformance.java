package org.civic311.georeport;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks that a GeoReport document is what this project promises to emit: the shapes of section
 * 5 and the decisions of section 10 of GEOREPORT.md, applied strictly. Meant for tests and for a
 * server that checks its own answers; use {@link DocumentReader} to read other servers' documents
 * leniently.
 *
 * <p>What is checked: UTF-8; the XML declaration and the root element; lists always lists (JSON
 * arrays, XML wrappers of correctly named items) also with one or no members; every field of the
 * standard present in every item, required ones non-empty; codes and ids as JSON strings,
 * booleans as JSON booleans or XML {@code true}/{@code false}; W3C datetimes with whole seconds
 * and a zone; the enumerated values (status, type, datatype, endpoint type, and the statuses
 * of {@code extended_attributes}: CitySDK's in {@code detailed_status}, the update history's in
 * {@code extended_status}); attribute orders
 * and value keys unique; coordinates in range; the one-request replies; error codes 400 to 599;
 * discovery endpoints offering {@code text/xml}; and no personal field ({@code email},
 * {@code phone}, {@code first_name}, {@code last_name}, {@code device_id}, {@code account_id})
 * anywhere, except {@code account_id} in a POST reply. Unknown extra fields are allowed.
 *
 * <p>A few rules go beyond the letter of section 10 where the standard implies them: discovery
 * changesets are datetimes (section 8.15); service codes, attribute codes and value keys are
 * unique; a list datatype offers at least one value; {@code lat} and {@code long} come together;
 * an error list is not empty; a POST reply keeps {@code service_notice} (null when there is
 * none); a token reply holds exactly one request.
 *
 * <p>Stateless and thread-safe. The checks never throw: malformed input is reported as a
 * violation like any other.
 */
public final class Conformance {
  private static final Pattern XML_DECLARATION = Pattern.compile(
      "<\\?xml\\s+version\\s*=\\s*([\"'])1\\.0\\1\\s+encoding\\s*=\\s*([\"'])(?i:utf-8)\\2"
          + "(\\s+standalone\\s*=\\s*([\"'])(yes|no)\\4)?\\s*\\?>");
  private static final int DECLARATION_SCAN = 200;

  private Conformance() {}

  /**
   * Checks a document body.
   *
   * @return human-readable violations, each naming the field at fault; empty when the document
   *     conforms
   */
  public static List<String> check(DocumentKind kind, Format format, byte[] body) {
    List<String> violations = new ArrayList<>();
    if (kind == null || format == null || body == null) {
      violations.add("nothing to check: the kind, the format and the body are all needed");
      return violations;
    }
    try {
      checkBody(kind, format, body, violations);
    } catch (RuntimeException e) {
      violations.add("the document could not be checked: " + e);
    }
    return violations;
  }

  /**
   * Checks a whole answer: the {@code Content-Type} header value must be
   * {@link Format#contentType()} (case and spaces aside), and the body as by
   * {@link #check(DocumentKind, Format, byte[])}.
   *
   * @param contentType the header value as received, null when the header was missing
   */
  public static List<String> check(DocumentKind kind, Format format, String contentType, byte[] body) {
    List<String> violations = new ArrayList<>();
    if (format != null && !normalized(format.contentType()).equals(normalized(contentType))) {
      violations.add("Content-Type must be '" + format.contentType() + "', not "
          + (contentType == null ? "missing" : "'" + contentType + "'"));
    }
    violations.addAll(check(kind, format, body));
    return violations;
  }

  private static void checkBody(DocumentKind kind, Format format, byte[] body, List<String> violations) {
    if (!isUtf8(body)) {
      violations.add("the body is not valid UTF-8");
    }
    if (format == Format.XML && !startsWithDeclaration(body)) {
      violations.add("XML must start with the declaration <?xml version=\"1.0\" encoding=\"utf-8\"?>");
    }
    SparkXml.Parsed parsed;
    try {
      parsed = DocumentReader.parse(body, format);
    } catch (DocumentException e) {
      violations.add(e.getMessage());
      return;
    }
    if (format == Format.XML && !kind.rootName().equals(parsed.rootName())) {
      violations.add("the root element must be <" + kind.rootName() + ">, not <" + parsed.rootName() + ">");
    }
    violations.addAll(parsed.misnamed());
    Findings findings = new Findings(format);
    DocumentRules.check(kind, parsed.body(), findings);
    DocumentRules.personalFields(kind, parsed.body(), kind.rootName(), findings);
    violations.addAll(findings.violations());
  }

  private static boolean isUtf8(byte[] body) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static boolean startsWithDeclaration(byte[] body) {
    String head = new String(body, 0, Math.min(body.length, DECLARATION_SCAN), StandardCharsets.ISO_8859_1);
    return XML_DECLARATION.matcher(head).lookingAt();
  }

  private static String normalized(String contentType) {
    return contentType == null ? "" : contentType.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
  }
}
