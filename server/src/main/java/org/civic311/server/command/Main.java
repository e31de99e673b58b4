package org.civic311.server.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code civic311} command line; {@code serve} runs when no command is named. */
@Command(
    name = "civic311",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "An Open311 GeoReport v2 server.%nWithout a command, runs 'serve'.",
    subcommands = {ServeCommand.class, MigrateCommand.class, KeysCommand.class, UserCommand.class, CopyCommand.class,
        ExportCommand.class, ImportCommand.class, ValidateCommand.class, BackupCommand.class,
        RestoreCommand.class, CommandLine.HelpCommand.class})
public final class Main {
  private static final Set<String> TOP_LEVEL_OPTIONS = Set.of("-h", "--help", "-V", "--version");

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code. */
  public static int run(String... args) {
    List<String> argv = new ArrayList<>(List.of(args));
    if (argv.isEmpty() || argv.get(0).startsWith("-") && !TOP_LEVEL_OPTIONS.contains(argv.get(0))) {
      argv.add(0, "serve");
    }
    if (argv.get(0).equals("serve")) {
      WarmUp.start();
    }
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(new Failures());
    return cli.execute(argv.toArray(String[]::new));
  }
}
