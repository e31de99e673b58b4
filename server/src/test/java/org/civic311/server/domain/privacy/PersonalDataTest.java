package org.civic311.server.domain.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.civic311.server.storage.NewRequest;
import org.civic311.server.storage.RequestRecord;
import org.civic311.server.storage.UpdateRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The table of docs/GEOREPORT-DECISIONS.md, "contact details in free text", and a few more. */
class PersonalDataTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      # typed                                             | shown to the public
      call me at 202-555-0143                             | call me at [phone removed]
      (202) 555-0143                                      | [phone removed]
      202.555.0143                                        | [phone removed]
      202 555 0143                                        | [phone removed]
      2025550143                                          | [phone removed]
      # a reference written like a phone number is masked too (shapes, not meanings)
      Order 2025550143                                    | Order [phone removed]
      +1 202 555 0143                                     | [phone removed]
      +1 (202) 555-0143                                   | [phone removed]
      1-800-555-0199                                      | [phone removed]
      1 (800) 555-0199                                    | [phone removed]
      202/555-0143                                        | [phone removed]
      Call 202-555-0143x12                                | Call [phone removed]x12
      Tel. 613-555-0172.                                  | Tel. [phone removed].
      +44 20 7946 0958                                    | [phone removed]
      +44 (0)20 7946 0958                                 | [phone removed]
      020 7946 0958                                       | [phone removed]
      (020) 7946 0958                                     | [phone removed]
      07700 900123                                        | [phone removed]
      07700900123                                         | [phone removed]
      0161 496 0000                                       | [phone removed]
      +4915123456789                                      | [phone removed]
      +49 151 23456789                                    | [phone removed]
      +33 1 23 45 67 89                                   | [phone removed]
      +39 06 1234 567                                     | [phone removed]
      +44 20 7946 0958 12 Elm St                          | [phone removed] 12 Elm St
      call Zed on 555-0123                                | call Zed on [phone removed]
      Phone: 555.0123                                     | Phone: [phone removed]
      call 555-0123 or 555-0199                           | call [phone removed] or [phone removed]
      llame al 555-0123                                   | llame al [phone removed]
      dial 555-0123                                       | dial [phone removed]
      tel 555-0123 555-0124 555-0125                      | tel [phone removed] [phone removed] [phone removed]
      john.doe@example.com                                | [email removed]
      JOHN@EXAMPLE.CO.UK                                  | [email removed]
      write to ann+potholes@city.gov.                     | write to [email removed].
      mailto:o'neil_2@example.org                         | mailto:[email removed]
      josé@correo.es                                      | [email removed]
      rita.2025550143@example.net                         | [email removed]
      john at example dot com                             | [email removed]
      JOHN AT EXAMPLE DOT ORG                             | [email removed]
      john (at) example (dot) com                         | [email removed]
      john[at]example[dot]co[dot]uk                       | [email removed]
      john(at)example.com                                 | [email removed]
      john @ example.com                                  | [email removed]
      "john (at) example.com, ann@example.org"            | "[email removed], [email removed]"
      Deep hole. Call 202-555-0143 or rita@example.net    | Deep hole. Call [phone removed] or [email removed]
      "Contact 202-555-0143, since 2026-11-28"            | "Contact [phone removed], since 2026-11-28"
      "+1 202 555 0143 (work), 07700 900123 (home)"       | "[phone removed] (work), [phone removed] (home)"
      """)
  void contactDetailsAreMasked(String typed, String shown) {
    assertThat(PersonalData.mask(typed)).isEqualTo(shown);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      # typed, shown as it is
      2026-11-28
      11/28/2026
      28.11.2026
      2026-11-28T10:30:00-05:00
      posted 2026-11-28 10:30
      08.01.2026 09:30
      10:30-11:45
      open 0900-1700
      $1,250.00
      1.234,56 €
      1 250 000 residents
      WO-2026-000123
      ticket #2025550143
      12345678901234567890
      order 000123456
      1600 Pennsylvania Ave NW
      12 Elm St
      "Flat 2, 10 Downing St, London SW1A 2AA"
      20500
      20500-0003
      "Washington, DC 20500-0003"
      "38.8977, -77.0365"
      "+38.897700,-77.036500"
      2010-2022
      1999–2004
      800-1000 people a day
      555-0143
      call on 2026-11-28
      Call 311 or 911
      ISBN 978-0-306-40615-7
      version 1.2.3
      @cityhall on social media
      more at dc.gov
      meet at the corner
      light out at Elm
      """)
  void otherNumbersAndWordsAreKept(String typed) {
    assertThat(PersonalData.mask(typed)).isEqualTo(typed);
  }

  @Test
  void aCueOnTheLineBeforeCounts() {
    assertThat(PersonalData.mask("Phone:\n555-0123\nThanks")).isEqualTo("Phone:\n[phone removed]\nThanks");
  }

  @Test
  void nothingToMaskGivesTheSameText() {
    String plain = "Deep pothole outside number 12, about 30 cm wide";
    assertThat(PersonalData.mask(plain)).isSameAs(plain);
    assertThat(PersonalData.mask((String) null)).isNull();
    assertThat(PersonalData.mask("")).isEmpty();
  }

  @Test
  void aRequestKeepsEverythingButItsMaskedTexts() {
    NewRequest.Reporter reporter = new NewRequest.Reporter("rita@example.net", "202-555-0100", "Rita", "Reporter",
        null, null);
    RequestRecord stored = new RequestRecord(42, "city", "POT", "Pothole", "open", "Ring 020 7946 0958",
        "Call 202-555-0143", "Highways", null, 1_000L, 2_000L, null, "12 Elm St, c/o ann@example.org", null,
        "20500", 38.9, -77.0, null, null, Map.of(), reporter, "open", "web", null, null, null, 3);

    RequestRecord shown = PersonalData.mask(stored);

    assertThat(shown.statusNotes()).isEqualTo("Ring [phone removed]");
    assertThat(shown.description()).isEqualTo("Call [phone removed]");
    assertThat(shown.address()).isEqualTo("12 Elm St, c/o [email removed]");
    assertThat(shown).usingRecursiveComparison().ignoringFields("statusNotes", "description", "address")
        .isEqualTo(stored);
  }

  @Test
  void anUpdateKeepsEverythingButItsMaskedNote() {
    UpdateRecord stored = new UpdateRecord(7, "city", 42, "U7", "fixed", "Rang 202-555-0143, fixed", 2_000L, "X1",
        List.of());

    UpdateRecord shown = PersonalData.mask(stored);

    assertThat(shown.description()).isEqualTo("Rang [phone removed], fixed");
    assertThat(shown).usingRecursiveComparison().ignoringFields("description").isEqualTo(stored);
  }

  @Test
  void hostileTextIsMaskedInLinearTime() {
    // Long runs that could make a careless pattern try every way of splitting them.
    List<String> hostile = List.of("+" + "1 ".repeat(2_000), "1".repeat(4_000), "a.".repeat(2_000) + "@",
        "x@" + "a-".repeat(2_000), "john at " + "example dot ".repeat(300) + "zz", "call " + "555-".repeat(1_000));
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      for (String text : hostile) {
        PersonalData.mask(text);
      }
    });
  }
}
