package org.civic311.server.command;

import java.nio.file.Files;
import java.nio.file.Path;
import org.civic311.server.config.Configuration;
import org.civic311.server.config.ConfigurationLoader;
import org.civic311.server.config.DatabaseSettings;
import org.civic311.server.config.MailSettings;
import org.civic311.server.config.OperationsSettings;
import picocli.CommandLine.Option;

/** Where the configuration and the database come from; shared by every command. */
final class ConfigOptions {
  static final String DEFAULT_FILE = "civic311.yaml";

  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "Configuration file (env CIVIC311_CONFIG). Default: ./civic311.yaml if present,"
          + " otherwise the bundled demo jurisdiction.")
  Path config;

  @Option(names = "--database", paramLabel = "JDBC_URL",
      description = "Database URL, overriding the file (env CIVIC311_DATABASE_URL). Default: jdbc:sqlite:civic311.db")
  String database;

  /** Whether the bundled demo is in use, known after {@link #load()}. */
  boolean demo;

  Configuration load() {
    return load(System.getenv());
  }

  /** The configuration, with the settings {@code env} (the environment) overrides. */
  Configuration load(java.util.Map<String, String> env) {
    Path file = config;
    if (file == null && env.get("CIVIC311_CONFIG") != null) {
      file = Path.of(env.get("CIVIC311_CONFIG"));
    }
    if (file == null && Files.exists(Path.of(DEFAULT_FILE))) {
      file = Path.of(DEFAULT_FILE);
    }
    demo = file == null;
    Configuration c = demo ? ConfigurationLoader.demo() : ConfigurationLoader.load(file);
    String url = database != null ? database : env.get("CIVIC311_DATABASE_URL");
    String user = env.get("CIVIC311_DATABASE_USER");
    String password = env.get("CIVIC311_DATABASE_PASSWORD");
    if (url != null || user != null || password != null) {
      DatabaseSettings d = c.database();
      c = c.withDatabase(d.withPrimary(url != null ? url : d.url(), user != null ? user : d.user(),
          password != null ? password : d.password()));
    }
    // Secrets can stay out of the file: the SMTP password may come from the environment.
    String smtpPassword = env.get("CIVIC311_MAIL_SMTP_PASSWORD");
    if (smtpPassword != null) {
      MailSettings m = c.mail();
      c = c.withMail(new MailSettings(m.from(), m.outbox(), m.smtpHost(), m.smtpPort(), m.smtpUsername(), smtpPassword,
          m.smtpStarttls(), m.pollSeconds(), m.publicUrl()));
    }
    String metricsToken = env.get("CIVIC311_METRICS_TOKEN");
    if (metricsToken != null) {
      OperationsSettings o = c.operations();
      c = ConfigurationLoader.validate(c.withOperations(new OperationsSettings(o.metrics(), o.metricsAllow(),
          metricsToken, o.writerStuckSeconds())), "CIVIC311_METRICS_TOKEN");
    }
    return c;
  }
}
