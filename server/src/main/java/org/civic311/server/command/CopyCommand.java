package org.civic311.server.command;

import java.util.Map;
import java.util.concurrent.Callable;
import org.civic311.server.app.Application;
import org.civic311.server.config.DatabaseSettings;
import org.civic311.server.storage.sql.Database;
import org.civic311.server.storage.sql.DatabaseCopy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Moves data between databases, typically from the embedded SQLite file to PostgreSQL. */
@Command(name = "copy", mixinStandardHelpOptions = true,
    description = {"Copy jurisdictions, catalogues, API keys, requests with their history, media and",
        "followers, and (for the whole database) staff accounts, notes and the audit log from one database",
        "to another, keeping every id. The target is migrated first and must not hold the copied",
        "jurisdictions or any staff account yet."})
final class CopyCommand implements Callable<Integer> {
  @Option(names = "--from", required = true, paramLabel = "JDBC_URL", description = "Source, such as jdbc:sqlite:civic311.db")
  String from;

  @Option(names = "--from-user", paramLabel = "USER") String fromUser;

  @Option(names = "--from-password", paramLabel = "PASSWORD") String fromPassword;

  @Option(names = "--to", required = true, paramLabel = "JDBC_URL",
      description = "Target, such as jdbc:postgresql://db.example.org:5432/civic311")
  String to;

  @Option(names = "--to-user", paramLabel = "USER",
      description = "Target user (env CIVIC311_DATABASE_USER)") String toUser;

  @Option(names = "--to-password", paramLabel = "PASSWORD",
      description = "Target password (env CIVIC311_DATABASE_PASSWORD)") String toPassword;

  @Option(names = {"-j", "--jurisdiction"}, paramLabel = "ID", description = "Copy only this jurisdiction.")
  String jurisdiction;

  @Override
  public Integer call() {
    String user = toUser != null ? toUser : System.getenv("CIVIC311_DATABASE_USER");
    String password = toPassword != null ? toPassword : System.getenv("CIVIC311_DATABASE_PASSWORD");
    // Opening a SQLite URL creates the file: a mistyped source would be copied as an empty database.
    java.nio.file.Path sourceFile = Database.sqliteFile(from).orElse(null);
    if (sourceFile != null && !java.nio.file.Files.isRegularFile(sourceFile)) {
      System.err.println("copy refused: the source " + sourceFile + " does not exist");
      return 1;
    }
    try (Database source = Application.openMigrated(new DatabaseSettings(from, fromUser, fromPassword));
        Database target = Application.openMigrated(new DatabaseSettings(to, user, password))) {
      long started = System.nanoTime();
      DatabaseCopy.Result result = source.copyTo(target, jurisdiction, (table, done, total) ->
          System.out.printf("%-17s %,d of %,d rows%n", table, done, total));
      System.out.println("Copied in " + (System.nanoTime() - started) / 1_000_000 + " ms:");
      for (Map.Entry<String, Long> e : result.rows().entrySet()) {
        System.out.printf("  %-18s %,d%n", e.getKey(), e.getValue());
      }
      if (jurisdiction != null) {
        System.out.println("Staff accounts, internal notes and the audit log serve every jurisdiction: they are"
            + " copied only when the whole database is (no --jurisdiction).");
      }
      // A bulk copy leaves a SQLite target's full-text index in many pieces; merge it now rather
      // than at the server's next daily upkeep.
      long tidied = System.nanoTime();
      int steps = target.tidyIndexes();
      if (steps > 0) {
        System.out.println("Tidied the target's indexes in " + (System.nanoTime() - tidied) / 1_000_000 + " ms ("
            + steps + " merge steps)");
      }
    } catch (IllegalStateException e) {
      System.err.println("copy refused: " + e.getMessage());
      return 1;
    }
    return 0;
  }
}
