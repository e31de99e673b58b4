package org.civic311.server.command;

import org.civic311.server.config.ConfigurationException;
import org.civic311.server.storage.StorageException;
import picocli.CommandLine;

/** Prints a command's failure as one clear message; exit code 2 for configuration, 1 otherwise. */
final class Failures implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    if (e instanceof ConfigurationException) {
      cli.getErr().println("configuration error:\n" + e.getMessage());
      return 2;
    }
    if (e instanceof StorageException || e instanceof IllegalArgumentException
        || e instanceof java.io.UncheckedIOException) {
      cli.getErr().println("error: " + e.getMessage());
      return 1;
    }
    cli.getErr().println("error: " + e);
    e.printStackTrace(cli.getErr());
    return 1;
  }
}
