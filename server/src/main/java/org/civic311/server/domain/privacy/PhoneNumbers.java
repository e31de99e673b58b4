package org.civic311.server.domain.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers in free text, found by the shapes they are written in. Part of
 * {@link PersonalData}.
 *
 * <p>A plain scan first cuts the text into runs of digits and the separators numbers are written
 * with; only runs of seven digits or more are searched with the patterns, so a text of words,
 * dates and house numbers costs one pass over its characters.
 */
final class PhoneNumbers {
  static final int FEWEST_DIGITS = 7;
  /** Up to ") " or " - " may stand between two digits of one run. */
  private static final int MOST_SEPARATORS = 3;
  private static final String SEPARATORS = " .-/()+";

  // A number glued to letters before it, or to another number by a dot, comma, slash, colon or
  // hyphen, is part of something else: "WO-2026-000123", "38.897700", "$2025550143",
  // "#2025550143". Letters after it may be an extension: "202-555-0143x12".
  private static final String START = "(?<![\\p{L}\\p{N}_#$€£+])(?<!\\p{N}[.,/:-])";
  private static final String END = "(?![\\p{N}_])(?![.,/:-]\\p{N})";
  private static final Pattern SHAPES = Pattern.compile("(?=[\\d(+])" + START + "(?:"
      // E.164 with its "+": a country code, then groups apart by one space, dot or hyphen, with
      // an optional "(0)" trunk. Atomic, so that a long run of digits cannot make the engine try
      // every way of splitting it into groups.
      + "(?<international>\\+\\d{1,3}(?>(?:[ .-]?\\(0\\))?(?:[ .-]?\\(?\\d{1,4}\\)?){1,7}))"
      // The US and Canada: area code and exchange start with 2-9, an optional leading 1.
      + "|(?<northAmerican>(?:1[ .-]?)?(?:\\([2-9]\\d{2}\\)[ .-]?|[2-9]\\d{2}[ ./-]?)[2-9]\\d{2}[ .-]?\\d{4})"
      // The UK (and other countries with a trunk 0): 0, a non-zero digit, 10 or 11 digits.
      + "|(?<trunkZero>(?:\\(0[1-9]\\d{1,3}\\)|0[1-9]\\d{1,3})[ -]?\\d{3,4}[ -]?\\d{3,4})"
      + "|(?<local>[2-9]\\d{2}[-.]\\d{4})"
      + ")" + END);
  /*
   * A seven-digit local number ("555-0143") looks like too many other things ("800-1000 people"),
   * so it is masked only a few words after a word that announces a phone number, or after a
   * number just masked ("call 555-0143 or 555-0199").
   */
  private static final int CUE_DISTANCE = 24;
  private static final Pattern CUE = Pattern.compile("\\b(?:call(?:ed|ing)?|dial(?:ed|ing)?|phone[ds]?|ph|tel"
      + "|telephone|cell(?:phone)?|mobile|mob|text(?:ed|ing)?|txt|sms|ring|reach|contact|whatsapp|fax|llam[aeo]\\w*"
      + "|tel[eé]fono|celular|m[oó]vil)\\b\\P{N}{0," + CUE_DISTANCE + "}$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern NEAR_AFTER_PHONE = Pattern.compile("\\P{N}{0," + CUE_DISTANCE + "}");
  /** "+44 20 7946 0958 12 Elm St": a last group of one or two digits, shorter than the one before. */
  private static final Pattern SHORT_LAST_GROUP = Pattern.compile("(?<=\\d{3}) \\d{1,2}$");
  /** "+38.897700" has the digits of a phone number but is a coordinate. */
  private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+[.,]\\d+");

  private PhoneNumbers() {}

  static String mask(String text) {
    StringBuilder out = null;
    int copied = 0;
    int lastPhoneEnd = -1;
    Matcher shapes = null;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (!digit(c) && c != '+' && c != '(') {
        i++;
        continue;
      }
      int runStart = i;
      int runEnd = i;
      int digits = 0;
      for (int gap = 0; i < text.length() && gap <= MOST_SEPARATORS; i++) {
        char d = text.charAt(i);
        if (digit(d)) {
          digits++;
          gap = 0;
          runEnd = i + 1;
        } else if (SEPARATORS.indexOf(d) >= 0) {
          gap++;
        } else {
          break;
        }
      }
      if (digits < FEWEST_DIGITS) {
        i = Math.max(runEnd, runStart + 1);
        continue;
      }
      if (shapes == null) {
        shapes = SHAPES.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
      }
      shapes.region(runStart, runEnd);
      while (shapes.find()) {
        int end = phoneEnd(text, shapes, lastPhoneEnd);
        if (end < 0) {
          continue;
        }
        if (out == null) {
          out = new StringBuilder(text.length());
        }
        out.append(text, copied, shapes.start()).append(PersonalData.PHONE);
        copied = end;
        lastPhoneEnd = end;
      }
      i = runEnd;
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  /** Where the phone number found ends, or -1 when what was found is not one. */
  private static int phoneEnd(String text, Matcher found, int lastPhoneEnd) {
    String number = found.group();
    if (found.group("international") != null) {
      Matcher last = SHORT_LAST_GROUP.matcher(number);
      if (last.find() && isPhone(number.substring(0, last.start()), 8, 15)) {
        return found.start() + last.start();
      }
      return isPhone(number, 8, 15) ? found.end() : -1;
    }
    if (found.group("northAmerican") != null) {
      return isPhone(number, 10, 11) ? found.end() : -1;
    }
    if (found.group("trunkZero") != null) {
      return isPhone(number, 10, 11) ? found.end() : -1;
    }
    return cued(text, found.start(), lastPhoneEnd) ? found.end() : -1;
  }

  private static boolean cued(String text, int start, int lastPhoneEnd) {
    if (lastPhoneEnd >= 0 && start - lastPhoneEnd <= CUE_DISTANCE
        && NEAR_AFTER_PHONE.matcher(text).region(lastPhoneEnd, start).matches()) {
      return true;
    }
    // The longest cue word and the distance fit in this window.
    int from = Math.max(0, start - CUE_DISTANCE - 16);
    return CUE.matcher(text).region(from, start).useTransparentBounds(true).find();
  }

  private static boolean isPhone(String number, int fewestDigits, int mostDigits) {
    int digits = 0;
    for (int i = 0; i < number.length(); i++) {
      if (digit(number.charAt(i))) {
        digits++;
      }
    }
    return digits >= fewestDigits && digits <= mostDigits && !DECIMAL.matcher(number).matches();
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }
}
