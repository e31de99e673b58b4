package org.civic311.server.command;

import java.nio.file.Path;
import org.civic311.server.config.DatabaseSettings;
import org.civic311.server.testing.CopyScenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code copy} between two SQLite files (the PostgreSQL directions are in {@code cluster.CopyDirectionsTest}). */
class CopyCommandTest {
  @Test
  void copyingOneSqliteFileIntoAnotherKeepsEveryRowAndEndsCleanly(@TempDir Path dir) throws Exception {
    CopyScenario.copyKeepsEveryRow(new DatabaseSettings("jdbc:sqlite:" + dir.resolve("from.db"), null, null),
        new DatabaseSettings("jdbc:sqlite:" + dir.resolve("to.db"), null, null));
  }
}
