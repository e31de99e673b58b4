package org.civic311.server.domain.privacy;

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
 * Most texts hold neither an "@" nor a run of seven digits, and pass without any regex running.
 */
public final class PersonalData {
  public static final String EMAIL = "[email removed]";
  public static final String PHONE = "[phone removed]";

  private PersonalData() {}

  /** The text with every email address and phone number masked; null stays null. */
  public static String mask(String text) {
    if (text == null || text.isEmpty() || !mayHoldAny(text)) {
      return text;
    }
    // Addresses first: the digits in "rita.2025550143@example.net" are not a phone number.
    return PhoneNumbers.mask(EmailAddresses.mask(text));
  }

  /**
   * False when the text cannot hold an address or a number: no "@", no bracket (of "(at)"), no
   * "dot", and fewer digits than the shortest phone number. One pass, no allocation: most texts
   * end here (a bulk download asks this of every request's three texts).
   */
  private static boolean mayHoldAny(String text) {
    int digits = 0;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '@', '(', '[', '{', '<' -> {
          return true;
        }
        case 'd', 'D' -> {
          // "dot" in any case, without regionMatches' general case folding.
          if (i + 2 < n && (text.charAt(i + 1) | 0x20) == 'o' && (text.charAt(i + 2) | 0x20) == 't') {
            return true;
          }
        }
        default -> {
          if (c >= '0' && c <= '9' && ++digits >= PhoneNumbers.FEWEST_DIGITS) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The request as the public may read it: status notes, description and address masked. */
  public static RequestRecord mask(RequestRecord r) {
    return r.withTexts(mask(r.statusNotes()), mask(r.description()), mask(r.address()));
  }

  /** The update as the public may read it: its note masked. */
  public static UpdateRecord mask(UpdateRecord u) {
    return u.withDescription(mask(u.description()));
  }
}
