package org.civic311.server.domain.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Email addresses in free text, plain or written to dodge harvesters. Part of
 * {@link PersonalData}. A plain address is looked for only in the words around each "@".
 */
final class EmailAddresses {
  private static final String REPLACEMENT = Matcher.quoteReplacement(PersonalData.EMAIL);

  private static final String LOCAL_PART = "(?<![\\p{L}\\p{N}._%+'-])[\\p{L}\\p{N}._%+'-]++";
  // Java tries a pattern at every position of the text; a one-character lookahead first rejects
  // most positions before the costlier lookbehind runs.
  private static final String WORD_START = "(?=[\\p{L}\\p{N}._%+'-])";
  private static final Pattern PLAIN = Pattern.compile(WORD_START + LOCAL_PART
      + "@(?:[\\p{L}\\p{N}-]++\\.)+\\p{L}{2,}+");

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
   * "john (at) example.com", "john @ example.com", "john at example dot com". A plain " at " needs
   * a spelled "dot" too, because "more at dc.gov" is prose.
   */
  private static final Pattern DISGUISED = Pattern.compile(WORD_START + LOCAL_PART + "(?:"
      + AT_BRACKETED + "(?:" + LABEL + "(?:" + DOT_WORD + "|\\.))+"
      + "|" + AT_SPACED + "(?:" + LABEL + "\\.)+"
      + "|" + AT_WORD + "(?:" + LABEL + DOT_WORD + ")+"
      + ")" + TOP_LEVEL, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private EmailAddresses() {}

  static String mask(String text) {
    boolean at = false;
    boolean disguised = false;
    for (int i = 0; i < text.length() && !(at && disguised); i++) {
      char c = text.charAt(i);
      if (c == '@') {
        at = true;
        disguised |= spaced(text, i);
      } else if (c == 'd' || c == 'D') {
        disguised |= text.regionMatches(true, i, "dot", 0, 3);
      } else if ("([{<".indexOf(c) >= 0) {
        disguised |= bracketedAt(text, i);
      }
    }
    String out = at ? plain(text) : text;
    return disguised ? DISGUISED.matcher(out).replaceAll(REPLACEMENT) : out;
  }

  private static String plain(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    Matcher m = PLAIN.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    for (int at = text.indexOf('@'); at >= 0; ) {
      int from = at;
      while (from > copied && !Character.isWhitespace(text.charAt(from - 1))) {
        from--;
      }
      int to = at;
      while (to < text.length() && !Character.isWhitespace(text.charAt(to))) {
        to++;
      }
      m.region(from, to);
      while (m.find()) {
        out.append(text, copied, m.start()).append(PersonalData.EMAIL);
        copied = m.end();
      }
      at = text.indexOf('@', to);
    }
    return out.append(text, copied, text.length()).toString();
  }

  private static boolean spaced(String text, int at) {
    return (at > 0 && Character.isWhitespace(text.charAt(at - 1)))
        || (at + 1 < text.length() && Character.isWhitespace(text.charAt(at + 1)));
  }

  /** "(at", "[ at", "{at", "<at": the start of a bracketed "at". */
  private static boolean bracketedAt(String text, int bracket) {
    int j = bracket + 1;
    while (j < text.length() && text.charAt(j) == ' ') {
      j++;
    }
    return text.regionMatches(true, j, "at", 0, 2);
  }
}
