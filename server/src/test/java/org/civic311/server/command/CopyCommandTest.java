package org.civic311.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.civic311.server.config.DatabaseSettings;
import org.civic311.server.testing.Commands;
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

  @Test
  void aMissingSourceFileIsRefusedInsteadOfCopiedAsAnEmptyDatabase(@TempDir Path dir) {
    Commands.Run r = Commands.run("copy", "--from", "jdbc:sqlite:" + dir.resolve("typo.db"), "--to",
        "jdbc:sqlite:" + dir.resolve("to.db"));
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().strip()).isEqualTo("copy refused: the source " + dir.resolve("typo.db") + " does not exist");
    assertThat(dir.resolve("typo.db")).doesNotExist();
    assertThat(dir.resolve("to.db")).doesNotExist();
  }

  @Test
  void aTargetThatCannotBeOpenedIsOneLineNotAStackTrace(@TempDir Path dir) throws Exception {
    Path from = dir.resolve("from.db");
    Commands.Run migrated = Commands.run("migrate", "--database", "jdbc:sqlite:" + from);
    assertThat(migrated.code()).as(migrated.err()).isZero();
    Path target = dir.resolve("no-such-folder").resolve("to.db");
    Commands.Run r = Commands.run("copy", "--from", "jdbc:sqlite:" + from, "--to", "jdbc:sqlite:" + target);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.hasStackTrace()).as(r.err()).isFalse();
    assertThat(r.err().strip().lines()).hasSize(1).first().asString()
        .startsWith("error: cannot open the SQLite database " + target + ": ").contains("SQLITE_CANTOPEN");
  }
}
