package org.civic311.server.cluster;

import java.nio.file.Path;
import org.civic311.server.config.DatabaseSettings;
import org.civic311.server.testing.CopyScenario;
import org.civic311.server.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code copy} in every direction that involves PostgreSQL, each into a fresh database. */
class CopyDirectionsTest {
  @BeforeAll
  static void needsPostgres() {
    org.junit.jupiter.api.Assumptions.assumeTrue(TestDatabase.postgres(), "runs in the PostgreSQL suite");
  }

  static DatabaseSettings sqlite(Path dir, String name) {
    return new DatabaseSettings("jdbc:sqlite:" + dir.resolve(name), null, null);
  }

  @Test
  void sqliteToPostgres(@TempDir Path dir) throws Exception {
    try (TestDatabase to = TestDatabase.fresh()) {
      CopyScenario.copyKeepsEveryRow(sqlite(dir, "from.db"), to.settings());
    }
  }

  @Test
  void postgresToSqlite(@TempDir Path dir) throws Exception {
    try (TestDatabase from = TestDatabase.fresh()) {
      CopyScenario.copyKeepsEveryRow(from.settings(), sqlite(dir, "to.db"));
    }
  }

  @Test
  void postgresToPostgres() throws Exception {
    try (TestDatabase from = TestDatabase.fresh(); TestDatabase to = TestDatabase.fresh()) {
      CopyScenario.copyKeepsEveryRow(from.settings(), to.settings());
    }
  }
}
