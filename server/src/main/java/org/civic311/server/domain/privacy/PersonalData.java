package org.civic311.server.domain.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civic311.server.storage.RequestRecord;
import org.civic311.server.storage.UpdateRecord;

/**
 * Email addresses and phone numbers typed into free text, masked as {@value #EMAIL} and
 * {@value #PHONE} before the text is shown to the public. The rule, with what it masks and what it
 * leaves alone, is in docs/GEOREPORT-DECISIONS.md; {@code PersonalDataTest} holds the same table.
 * Deterministic and thread-safe.
 *
 * <p>Shapes are matched, not meanings: a number is masked because it is written the way phone
 * numbers are written, so a work-order number written like a phone number is masked too. Dates,
 * times, amounts, coordinates, ZIP codes, postcodes and street numbers are not written that way.
 */
public final class PersonalData {
  public static final String EMAIL = "[email removed]";
  public static final String PHONE = "[phone removed]";

  // A number glued to letters before it, or to another number by a dot, comma, slash, colon or
  // hyphen, is part of something else: "WO-2026-000123", "38.897700", "$2025550143",
  // "#2025550143". Letters after it may be an extension: "202-555-0143x12".
  private static final String START = "(?<![\\p{L}\\p{N}_#$€£+])(?<!\\p{N}[.,/:-])";
  private static final String END = "(?![\\p{N}_])(?![.,/:-]\\p{N})";

  private static final Pattern EMAIL_ADDRESS = Pattern.compile(
      "(?<![\\p{L}\\p{N}._%+'-])[\\p{L}\\p{N}._%+'-]++@(?:[\\p{L}\\p{N}-]++\\.)+\\p{L}{2,}+");

  private static final String LOCAL_PART = "(?<![\\p{L}\\p{N}._%+'-])[\\p{L}\\p{N}._%+'-]++";
  private static final String LABEL = "[\\p{L}\\p{N}-]++";
  private static final String AT_BRACKETED = "\\s*[(\\[{<]\\s*at\\s*[)\\]}>]\\s*";
  private static final String AT_SPACED = "(?:\\s+@\\s*|@\\s+)";
  private static final String AT_WORD = "(?:\\s+at\\s+|\\s*@\\s*)";
  private static final String DOT_WORD = "(?:\\s*[(\\[{<]\\s*dot\\s*[)\\]}>]\\s*|\\s+dot\\s+)";
  // Only known top-level domains, so that prose in which "at" and "dot" happen to meet is not
  // taken for an address.
  private static final String TOP_LEVEL = "(?:com|org|net|edu|gov|mil|info|biz|io|me|co|us|ca|uk|ie|au|nz|de|fr"
      + "|es|it|nl|be|ch|at|mx|br|in)\\b";
  /*
   * Written to dodge harvesters: "john (at) example.com", "john @ example.com", "john at example
   * dot com". A plain " at " needs a spelled "dot" too, because "more at dc.gov" is prose.
   */
  private static final Pattern DISGUISED_EMAIL = Pattern.compile(LOCAL_PART + "(?:"
      + AT_BRACKETED + "(?:" + LABEL + "(?:" + DOT_WORD + "|\\.))+"
      + "|" + AT_SPACED + "(?:" + LABEL + "\\.)+"
      + "|" + AT_WORD + "(?:" + LABEL + DOT_WORD + ")+"
      + ")" + TOP_LEVEL, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /*
   * E.164 with its "+": a country code, then groups of digits apart by one space, dot or hyphen,
   * with an optional "(0)" trunk ("+44 (0)20 7946 0958"). The groups are atomic so that a long
   * run of digits cannot make the engine try every way of splitting it.
   */
  private static final Pattern INTERNATIONAL = Pattern.compile(
      START + "\\+\\d{1,3}(?>(?:[ .-]?\\(0\\))?(?:[ .-]?\\(?\\d{1,4}\\)?){1,7})" + END);
  /** The US and Canada: area code and exchange start with 2-9, an optional leading 1. */
  private static final Pattern NORTH_AMERICAN = Pattern.compile(
      START + "(?:1[ .-]?)?(?:\\([2-9]\\d{2}\\)[ .-]?|[2-9]\\d{2}[ ./-]?)[2-9]\\d{2}[ .-]?\\d{4}" + END);
  /** "+44 20 7946 0958 12 Elm St": a last group of one or two digits, shorter than the one before. */
  private static final Pattern SHORT_LAST_GROUP = Pattern.compile("(?<=\\d{3}) \\d{1,2}$");
  /** The UK (and other countries with a trunk 0): 0, a non-zero digit, 10 or 11 digits in all. */
  private static final Pattern TRUNK_ZERO = Pattern.compile(
      START + "(?:\\(0[1-9]\\d{1,3}\\)|0[1-9]\\d{1,3})[ -]?\\d{3,4}[ -]?\\d{3,4}" + END);
  /*
   * A seven-digit local number ("555-0143") looks like too many other things ("800-1000 people"),
   * so it is masked only a few words after a word that announces a phone number, or after a
   * number just masked ("call 555-0143 or 555-0199").
   */
  private static final Pattern LOCAL_AFTER_CUE = Pattern.compile(
      "(\\b(?:call(?:ed|ing)?|phone[ds]?|tel|telephone|cell(?:phone)?|mobile|text(?:ed|ing)?|txt|sms|ring|reach"
          + "|contact|whatsapp|fax|llam[aeo]\\w*|tel[eé]fono|celular|m[oó]vil)\\b|" + Pattern.quote(PHONE) + ")"
          + "([^\\p{N}\\r\\n]{0,24}?)(?<![$€£#+])[2-9]\\d{2}[-.]\\d{4}" + END,
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  /** "+38.897700" has the digits of a phone number but is a coordinate. */
  private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+[.,]\\d+");
  private static final int FEWEST_DIGITS = 7;

  private PersonalData() {}

  /** The text with every email address and phone number masked; null stays null. */
  public static String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    // Most texts have neither an "@" nor seven digits; they pass without any regex running.
    int digits = 0;
    boolean plus = false;
    boolean emailHint = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '+') {
        plus = true;
      } else if (c == '@' || disguisedAt(text, i) || ((c == 'd' || c == 'D') && text.regionMatches(true, i, "dot", 0,
          3))) {
        emailHint = true;
      }
    }
    String out = text;
    if (emailHint) {
      out = EMAIL_ADDRESS.matcher(out).replaceAll(Matcher.quoteReplacement(EMAIL));
      out = DISGUISED_EMAIL.matcher(out).replaceAll(Matcher.quoteReplacement(EMAIL));
    }
    if (digits >= FEWEST_DIGITS) {
      if (plus) {
        out = international(out);
      }
      out = phones(out, NORTH_AMERICAN, 10, 11);
      out = phones(out, TRUNK_ZERO, 10, 11);
      for (Matcher m = LOCAL_AFTER_CUE.matcher(out); m.find(); m = LOCAL_AFTER_CUE.matcher(out)) {
        out = m.replaceAll("$1$2" + Matcher.quoteReplacement(PHONE));
      }
    }
    return out;
  }

  /** The request as the public may read it: status notes, description and address masked. */
  public static RequestRecord mask(RequestRecord r) {
    return r.withTexts(mask(r.statusNotes()), mask(r.description()), mask(r.address()));
  }

  /** The update as the public may read it: its note masked. */
  public static UpdateRecord mask(UpdateRecord u) {
    return u.withDescription(mask(u.description()));
  }

  private static String phones(String text, Pattern shape, int fewestDigits, int mostDigits) {
    return shape.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
        isPhone(m.group(), fewestDigits, mostDigits) ? PHONE : m.group()));
  }

  /**
   * The groups of an international number are not counted, so the pattern takes a street number
   * that follows it as one more group; it is given back when the number is whole without it.
   */
  private static String international(String text) {
    return INTERNATIONAL.matcher(text).replaceAll(m -> {
      String found = m.group();
      Matcher last = SHORT_LAST_GROUP.matcher(found);
      if (last.find() && isPhone(found.substring(0, last.start()), 8, 15)) {
        return Matcher.quoteReplacement(PHONE + found.substring(last.start()));
      }
      return Matcher.quoteReplacement(isPhone(found, 8, 15) ? PHONE : found);
    });
  }

  private static boolean isPhone(String found, int fewestDigits, int mostDigits) {
    int digits = 0;
    for (int i = 0; i < found.length(); i++) {
      if (found.charAt(i) >= '0' && found.charAt(i) <= '9') {
        digits++;
      }
    }
    return digits >= fewestDigits && digits <= mostDigits && !DECIMAL.matcher(found).matches();
  }

  /** "(at", "[ at", "{at" and "<at": the start of a bracketed "at". */
  private static boolean disguisedAt(String text, int i) {
    if ("([{<".indexOf(text.charAt(i)) < 0) {
      return false;
    }
    int j = i + 1;
    while (j < text.length() && text.charAt(j) == ' ') {
      j++;
    }
    return text.regionMatches(true, j, "at", 0, 2);
  }
}
