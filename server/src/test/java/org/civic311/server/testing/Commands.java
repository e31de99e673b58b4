package org.civic311.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.civic311.server.command.Main;

/** The command line run in-process as a user would type it, its output caught. */
public final class Commands {
  private Commands() {}

  /** A finished command: its exit code and what it printed. */
  public record Run(int code, String out, String err) {
    /** Whether anything printed looks like a stack trace. */
    public boolean hasStackTrace() {
      return (out + err).contains("\tat ") || (out + err).contains("Exception:");
    }
  }

  public static synchronized Run run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = Main.run(args);
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }
}
