package org.civic311.server.web.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.civic311.georeport.Datatype;
import org.civic311.georeport.ServiceAttribute;
import org.junit.jupiter.api.Test;

/** The report form makes a service's repair promise once, even when the catalogue says it twice. */
class ServiceNoticeTest {
  static final String NOTICE = "Potholes are usually repaired within 3 business days (72 hours), weather permitting.";

  static ServiceAttribute informational(String text) {
    return new ServiceAttribute(false, "INFO", Datatype.TEXT, false, "", 5, text, List.of());
  }

  static ServiceAttribute question(String text) {
    return new ServiceAttribute(true, "Q", Datatype.STRING, false, "", 1, text, List.of());
  }

  @Test
  void aNoticeRepeatedByAnInformationalQuestionIsLeftOut() {
    assertThat(ReportPages.saidOnce(NOTICE, List.of(question("Where is it?"), informational(
        "Potholes are normally repaired within 3 business days. If it has not been fixed by then, call 311 and"
            + " quote your service request number.")))).isEmpty();
  }

  @Test
  void aNoticeIsKeptBesideOtherInformationAndQuestions() {
    assertThat(ReportPages.saidOnce(NOTICE, List.of(informational("Do not stand in traffic to take a photo."),
        question("Potholes: how many are there, and within which business days did you see them?"))))
        .isEqualTo(NOTICE);
    assertThat(ReportPages.saidOnce("", List.of(informational("Anything")))).isEmpty();
  }
}
