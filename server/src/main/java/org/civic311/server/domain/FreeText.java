package org.civic311.server.domain;

/**
 * Text that people write: descriptions, addresses, names, notes. A stray control character in it
 * (a pasted NUL, a bell from a broken keyboard driver) is dropped, not refused: XML cannot carry
 * it, and refusing the whole report makes a client such as FixMyStreet send it again and again.
 * Tab, CR and LF stay. Identifiers are not free text: in them the character is still refused,
 * because dropping it would change what they name.
 */
public final class FreeText {
  private FreeText() {}

  /** {@code text} without its stray control characters; null stays null. */
  public static String clean(String text) {
    if (text == null || text.chars().noneMatch(c -> stray((char) c))) {
      return text;
    }
    StringBuilder kept = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!stray(c)) {
        kept.append(c);
      }
    }
    return kept.toString();
  }

  /** C0 controls but tab, CR and LF; DEL; and the two non-characters XML 1.0 forbids. */
  static boolean stray(char c) {
    return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f || c == 0xFFFE || c == 0xFFFF;
  }
}
