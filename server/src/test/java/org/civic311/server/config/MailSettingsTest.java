package org.civic311.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The {@code mail} section: defaults that work with no mail server, and errors with their line. */
class MailSettingsTest {
  static final String JURISDICTIONS = """
      jurisdictions:
        - id: city.example.org
          name: Example City
          time_zone: Europe/Paris
      """;

  static Configuration parse(String mail) {
    return ConfigurationLoader.parse(mail + JURISDICTIONS, "test.yaml");
  }

  @Test
  void withoutAMailSectionMailsGoToTheOutboxFolder() {
    MailSettings m = parse("").mail();
    assertThat(m.smtp()).isFalse();
    assertThat(m.outbox()).isEqualTo("outbox");
    assertThat(m.from()).isEqualTo(MailSettings.DEFAULT_FROM);
    assertThat(m.pollSeconds()).isEqualTo(10);
    assertThat(m.linkBase(ServerSettings.defaults(), 8080))
        .isEqualTo("http://localhost:8080");
  }

  @Test
  void everyKeyIsReadAndThePasswordIsNeverPrinted() {
    MailSettings m = parse("""
        mail:
          from: "City 311 <311@city.example.org>"
          smtp_host: smtp.example.org
          smtp_port: 2525
          smtp_username: civic
          smtp_password: hunter2-secret
          smtp_starttls: false
          poll_seconds: 30
          public_url: https://311.example.org/
        """).mail();
    assertThat(m).extracting(MailSettings::from, MailSettings::smtpHost, MailSettings::smtpPort,
            MailSettings::smtpUsername, MailSettings::smtpStarttls, MailSettings::pollSeconds)
        .containsExactly("City 311 <311@city.example.org>", "smtp.example.org", 2525, "civic", false, 30);
    assertThat(m.smtp()).isTrue();
    assertThat(m.linkBase(new ServerSettings(null, null, "https://api.example.org", null, null, null, null, null,
        null, null, null), 8080)).isEqualTo("https://311.example.org");
    assertThat(m.toString()).doesNotContain("hunter2");
  }

  @Test
  void linksFallBackToTheServersPublicUrl() {
    MailSettings m = parse("").mail();
    assertThat(m.linkBase(new ServerSettings(null, null, "https://api.example.org/", null, null, null, null, null,
        null, null, null), 8080)).isEqualTo("https://api.example.org");
  }

  @Test
  void anSmtpServerNeedsARealSender() {
    assertThatThrownBy(() -> parse("""
        mail:
          smtp_host: smtp.example.org
        """)).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("test.yaml: line 1 (mail.from): from is required with an smtp_host");
  }

  @Test
  void badValuesAreErrorsNamingTheirLine() {
    assertThatThrownBy(() -> parse("""
        mail:
          from: "not an address"
          smtp_port: 70000
          poll_seconds: 0
        """)).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("line 2 (mail.from): from 'not an address' is not an address")
        .hasMessageContaining("line 3 (mail.smtp_port): smtp_port 70000 is not between 1 and 65535")
        .hasMessageContaining("line 4 (mail.poll_seconds): poll_seconds must be between 1 and 3600");
    assertThatThrownBy(() -> parse("""
        mail:
          from: "311@city.example.org\\nBcc: all@example.org"
        """)).hasMessageContaining("(mail.from)");
    assertThatThrownBy(() -> parse("""
        mail:
          from: City 311, Streets <311@city.example.org>
        """)).hasMessageContaining("(mail.from)");
  }

  @Test
  void quotedNamesAndPlainAddressesAreAccepted() {
    assertThat(parse("""
        mail:
          from: '"City 311, Streets" <311@city.example.org>'
        """).mail().from()).isEqualTo("\"City 311, Streets\" <311@city.example.org>");
    assertThat(parse("""
        mail:
          from: 311@city.example.org
        """).mail().from()).isEqualTo("311@city.example.org");
  }
}
