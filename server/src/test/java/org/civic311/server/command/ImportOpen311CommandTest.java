package org.civic311.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.civic311.server.testing.Commands.Run;
import org.civic311.server.testing.ServerFixture;
import org.civic311.server.testing.TestConfig;
import org.civic311.server.web.ForwardingHttpTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code civic311 import open311 URL}: one harvest of a real Civic311 server into a SQLite file. */
class ImportOpen311CommandTest {

  @Test
  void aSourceIsHarvestedIntoANewJurisdictionOnceAndARerunAddsNothing(@TempDir Path dir) throws Exception {
    try (ServerFixture source = ServerFixture.start(TestConfig.city())) {
      for (int i = 0; i < 3; i++) {
        ForwardingHttpTest.post(source.http(), "imported over open311 " + i);
      }
      String url = "http://127.0.0.1:" + source.http().port() + "/open311/v2";
      String db = "jdbc:sqlite:" + dir.resolve("copy.db");
      Run r = CommandsTest.run("import", "open311", "--database", db, "--source-jurisdiction", TestConfig.CITY, url);
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out()).contains("read 3 requests", "3 imported", "5 new services", "updated_after");
      String id = "127.0.0.1-" + source.http().port();
      assertThat(ImportCommandTest.count(db, "SELECT COUNT(*) FROM service_requests WHERE jurisdiction_id = '" + id
          + "' AND external_source = '" + url + "'")).isEqualTo(3);
      assertThat(ImportCommandTest.count(db, "SELECT COUNT(*) FROM service_requests WHERE email IS NOT NULL"))
          .as("no personal field travels").isZero();

      Run again = CommandsTest.run("import", "open311", "--database", db, "--source-jurisdiction", TestConfig.CITY,
          url);
      assertThat(again.code()).as(again.err()).isZero();
      assertThat(again.out()).contains("0 imported, 0 updated, 3 unchanged");

      Run bad = CommandsTest.run("import", "open311", "--database", db, "file:///etc/passwd");
      assertThat(bad.code()).isEqualTo(1);
      assertThat(bad.err()).contains("must be an http or https base URL");
    }
  }
}
