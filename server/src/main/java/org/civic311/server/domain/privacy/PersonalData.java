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
    if (text == null || text.isEmpty()) {
      return text;
    }
    // Addresses first: the digits in "rita.2025550143@example.net" are not a phone number.
    return PhoneNumbers.mask(EmailAddresses.mask(text));
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
