package org.civic311.server.command;

import java.util.concurrent.Callable;
import org.civic311.server.app.Application;
import org.civic311.server.config.Configuration;
import org.civic311.server.storage.sql.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Brings the database schema up to date and exits. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
    description = "Apply pending database migrations and exit (serve does this too).")
final class MigrateCommand implements Callable<Integer> {
  @Mixin
  ConfigOptions options;

  @Override
  public Integer call() {
    Configuration config = options.load();
    try (Database db = Application.openMigrated(config.database())) {
      System.out.println("Database " + config.database().url() + " (" + db.dialectName() + ") is up to date.");
    }
    return 0;
  }
}
