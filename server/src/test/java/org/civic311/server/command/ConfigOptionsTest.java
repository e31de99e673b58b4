package org.civic311.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.civic311.server.config.Configuration;
import org.junit.jupiter.api.Test;

/** Settings the environment overrides, so secrets can stay out of the configuration file. */
class ConfigOptionsTest {

  @Test
  void theEnvironmentGivesTheDatabaseAndTheSmtpPassword() {
    Configuration c = new ConfigOptions().load(Map.of(
        "CIVIC311_DATABASE_URL", "jdbc:postgresql://db.example.org/civic311",
        "CIVIC311_DATABASE_USER", "civic311",
        "CIVIC311_DATABASE_PASSWORD", "db-secret",
        "CIVIC311_MAIL_SMTP_PASSWORD", "smtp-secret"));
    assertThat(c.database().url()).isEqualTo("jdbc:postgresql://db.example.org/civic311");
    assertThat(c.database().user()).isEqualTo("civic311");
    assertThat(c.database().password()).isEqualTo("db-secret");
    assertThat(c.mail().smtpPassword()).isEqualTo("smtp-secret");
  }

  @Test
  void withoutTheEnvironmentTheDemoDefaultsStand() {
    Configuration c = new ConfigOptions().load(Map.of());
    assertThat(c.database().url()).isEqualTo("jdbc:sqlite:civic311.db");
    assertThat(c.mail().smtpPassword()).isNull();
  }
}
