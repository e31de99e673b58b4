package org.civic311.server.domain.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import org.civic311.server.storage.FollowerRecord;
import org.civic311.server.storage.RequestRecord;
import org.junit.jupiter.api.Test;

class StatusMailsTest {
  final StatusMails mails = new StatusMails("https://311.example.org/");
  final RequestRecord pothole = Records.request(42, "Pothole", null);

  @Test
  void anEnglishMailNamesTheRequestServiceStatusAndNote() {
    FollowerRecord f = Records.follower(1, 42, "ann@example.org", "en");
    Mail m = mails.compose(f, pothole, Records.update(7, 42, "fixed", "Filled with asphalt."));

    assertThat(m.to()).isEqualTo("ann@example.org");
    assertThat(m.subject()).isEqualTo("Request 42 (Pothole): fixed");
    assertThat(m.text()).contains("Request 42 (Pothole) has a new status: fixed.")
        .contains("Note from the city team:\nFilled with asphalt.")
        .contains("https://311.example.org/requests/42\n")
        .contains("https://311.example.org/unsubscribe/" + f.token() + "\n");
    assertThat(m.unsubscribeUrl()).isEqualTo("https://311.example.org/unsubscribe/" + f.token());
  }

  @Test
  void aSpanishFollowerGetsTheMailInSpanish() {
    FollowerRecord f = Records.follower(2, 42, "bea@example.org", "es-MX");
    Mail m = mails.compose(f, pothole, Records.update(8, 42, "action_scheduled", "Vamos el lunes."));

    assertThat(m.subject()).isEqualTo("Solicitud 42 (Pothole): actuación programada");
    assertThat(m.text()).startsWith("Hola:")
        .contains("Nuevo estado de la solicitud 42 (Pothole): actuación programada.")
        .contains("Nota del equipo de la ciudad:\nVamos el lunes.")
        .contains("https://311.example.org/requests/42")
        .contains("Para dejar de recibir estos correos")
        .contains("https://311.example.org/unsubscribe/" + f.token());
  }

  @Test
  void anUnknownLanguageFallsBackToEnglish() {
    Mail m = mails.compose(Records.follower(3, 42, "c@example.org", "fr"), pothole,
        Records.update(9, 42, "in_progress", null));
    assertThat(m.subject()).isEqualTo("Request 42 (Pothole): in progress");
  }

  @Test
  void noNoteMeansNoNoteSection() {
    Mail m = mails.compose(Records.follower(4, 42, "d@example.org", "en"), pothole,
        Records.update(10, 42, "closed", "  "));
    assertThat(m.text()).doesNotContain("Note from the city team");
  }

  @Test
  void theMailHoldsNothingOfTheReporterOrTheRequestText() {
    for (String locale : Followers.LANGUAGES) {
      Mail m = mails.compose(Records.follower(5, 42, "e@example.org", locale), pothole,
          Records.update(11, 42, "fixed", "Done."));
      String all = m.to() + "\n" + m.subject() + "\n" + m.text();
      assertThat(all).doesNotContain("reporter@private.example", "555 0100", "Rita", "Reporter", "device-7",
          "account-9", "Private Lane", "Deep hole", "20001");
    }
  }

  @Test
  void aServiceNameCannotBreakTheSubjectLine() {
    RequestRecord odd = Records.request(43, "Pot\r\nBcc: all@example.org", null);
    Mail m = mails.compose(Records.follower(6, 43, "f@example.org", "en"), odd, Records.update(12, 43, "open", null));
    assertThat(m.subject()).isEqualTo("Request 43 (Pot Bcc: all@example.org): open").doesNotContain("\n", "\r");
  }
}
