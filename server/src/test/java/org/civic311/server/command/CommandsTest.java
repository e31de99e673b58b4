package org.civic311.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.civic311.server.app.Application;
import org.civic311.server.config.Configuration;
import org.civic311.server.config.ConfigurationLoader;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.Http;
import org.civic311.server.testing.Commands;
import org.civic311.server.testing.Commands.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line, run in-process as a user would type it. */
class CommandsTest {

  static Run run(String... args) {
    return Commands.run(args);
  }

  @Test
  void helpIsAvailableEverywhere() {
    Run top = run("--help");
    assertThat(top.code()).isZero();
    assertThat(top.out()).contains("serve", "migrate", "keys");
    for (String[] args : new String[][] {{"serve", "--help"}, {"migrate", "--help"}, {"keys", "--help"},
        {"keys", "create", "--help"}, {"keys", "list", "--help"}, {"keys", "revoke", "--help"},
        {"copy", "--help"}, {"backup", "--help"}, {"restore", "--help"}}) {
      Run r = run(args);
      assertThat(r.code()).as(String.join(" ", args)).isZero();
      assertThat(r.out()).as(String.join(" ", args)).contains("Usage:");
    }
  }

  @Test
  void theDemoListensOnLoopbackUnlessAHostIsNamed() {
    Configuration demo = ConfigurationLoader.demo();
    ServeCommand quickStart = CommandLine.populateCommand(new ServeCommand());
    quickStart.options.demo = true;
    ListenAddress locked = quickStart.listenAddress(demo);
    assertThat(locked.host()).isEqualTo("127.0.0.1");
    assertThat(locked.demoNotice()).startsWith("demo mode: listening on 127.0.0.1 only").contains("--host 0.0.0.0")
        .contains("server.host");

    ServeCommand opened = CommandLine.populateCommand(new ServeCommand(), "--host", "0.0.0.0");
    opened.options.demo = true;
    assertThat(opened.listenAddress(demo)).isEqualTo(new ListenAddress("0.0.0.0", false));
  }

  @Test
  void anOwnConfigurationListensEverywhereOrWhereItSays() {
    String city = "jurisdictions:\n  - id: city.example.org\n    name: City\n    time_zone: Europe/Paris\n";
    ServeCommand plain = CommandLine.populateCommand(new ServeCommand());
    assertThat(plain.listenAddress(ConfigurationLoader.parse(city, "own.yaml")))
        .isEqualTo(new ListenAddress("0.0.0.0", false));

    Configuration named = ConfigurationLoader.parse("server:\n  host: 192.0.2.7\n" + city, "own.yaml");
    assertThat(plain.listenAddress(named).host()).isEqualTo("192.0.2.7");
    ServeCommand overriding = CommandLine.populateCommand(new ServeCommand(), "--host", "127.0.0.1");
    assertThat(overriding.listenAddress(named).host()).as("the command line wins").isEqualTo("127.0.0.1");
  }

  @Test
  void migrateCreatesTheSchema(@TempDir Path dir) {
    String db = "jdbc:sqlite:" + dir.resolve("m.db");
    Run r = run("migrate", "--database", db);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("up to date");
    assertThat(dir.resolve("m.db")).exists();
  }

  @Test
  void aBadConfigurationStopsWithItsMessageAndCode2(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "jurisdictions:\n  - id: x.org\n    name: X\n    time_zone: Nowhere/City\n");
    Run r = run("serve", "--config", file.toString(), "--database", "jdbc:sqlite:" + dir.resolve("b.db"));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(file.toString()).contains("line 4").contains("time_zone");
  }

  @Test
  void issuedKeysPostAndRevokedKeysAreRefused(@TempDir Path dir) throws Exception {
    String db = "jdbc:sqlite:" + dir.resolve("k.db");
    Run created = run("keys", "create", "--label", "Pothole app", "--database", db);
    assertThat(created.code()).as(created.err()).isZero();
    String key = created.out().lines().filter(l -> l.startsWith("c311_")).findFirst().orElseThrow();
    String id = created.out().replaceAll("(?s).*Issued key (\\d+) .*", "$1");

    Run listed = run("keys", "list", "--database", db);
    assertThat(listed.out()).contains("Pothole app").contains(key.substring(0, 8)).doesNotContain(key);

    var config = ConfigurationLoader.demo().withDatabase(
        new org.civic311.server.config.DatabaseSettings(db, null, null)).withPort(0)
        .withMedia(new org.civic311.server.config.MediaSettings(dir.resolve("media").toString(), null, null));
    try (Application app = Application.start(config, "127.0.0.1")) {
      Http http = new Http(app.port());
      String body = Http.form("api_key", key, "service_code", "S0361", "lat", "38.9", "long", "-77.0");
      assertThat(http.postForm(Http.API + "/requests.json", body).status()).isEqualTo(200);

      Run revoked = run("keys", "revoke", id, "--database", db);
      assertThat(revoked.code()).as(revoked.err()).isZero();
      Run again = run("keys", "revoke", id, "--database", db);
      assertThat(again.code()).isEqualTo(1);
    }
    try (Application app = Application.start(config, "127.0.0.1")) {
      Http http = new Http(app.port());
      Answer refused = http.postForm(Http.API + "/requests.json",
          Http.form("api_key", key, "service_code", "S0361", "lat", "38.9", "long", "-77.0"));
      assertThat(refused.status()).isEqualTo(403);
    }
    Run listedAfter = run("keys", "list", "--database", db);
    assertThat(listedAfter.out()).contains("[revoked]");
    assertThat(listedAfter.out()).containsPattern("command\\s+1\\s");
  }

  @Test
  void aKeyGetsItsOwnWriteLimitFromTheCommandLine(@TempDir Path dir) throws Exception {
    String db = "jdbc:sqlite:" + dir.resolve("l.db");
    Run created = run("keys", "create", "--label", "City website", "--per-minute", "2", "--burst", "2",
        "--database", db);
    assertThat(created.code()).as(created.err()).isZero();
    assertThat(created.out()).contains("2 writes a minute, burst 2");
    String key = created.out().lines().filter(l -> l.startsWith("c311_")).findFirst().orElseThrow();
    String id = created.out().replaceAll("(?s).*Issued key (\\d+) .*", "$1");
    assertThat(run("keys", "create", "--label", "half", "--per-minute", "5", "--database", db).code()).isEqualTo(2);
    assertThat(run("keys", "limit", "999", "--per-minute", "5", "--burst", "5", "--database", db).code())
        .isEqualTo(1);

    var config = ConfigurationLoader.demo().withDatabase(
        new org.civic311.server.config.DatabaseSettings(db, null, null)).withPort(0)
        .withMedia(new org.civic311.server.config.MediaSettings(dir.resolve("media").toString(), null, null));
    String body = Http.form("api_key", key, "service_code", "S0361", "lat", "38.9", "long", "-77.0");
    try (Application app = Application.start(config, "127.0.0.1")) {
      Http http = new Http(app.port());
      assertThat(http.postForm(Http.API + "/requests.json", body).status()).isEqualTo(200);
      assertThat(http.postForm(Http.API + "/requests.json", body).status()).isEqualTo(200);
      assertThat(http.postForm(Http.API + "/requests.json", body).status()).isEqualTo(429);
    }
    Run raised = run("keys", "limit", id, "--per-minute", "1000", "--burst", "1000", "--database", db);
    assertThat(raised.code()).as(raised.err()).isZero();
    try (Application app = Application.start(config, "127.0.0.1")) {
      Http http = new Http(app.port());
      for (int i = 0; i < 5; i++) {
        assertThat(http.postForm(Http.API + "/requests.json", body).status()).isEqualTo(200);
      }
    }
    assertThat(run("keys", "limit", id, "--default", "--database", db).code()).isZero();
  }
}
