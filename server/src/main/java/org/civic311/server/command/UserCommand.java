package org.civic311.server.command;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.civic311.server.app.Application;
import org.civic311.server.domain.staff.Accounts;
import org.civic311.server.domain.staff.InvalidInput;
import org.civic311.server.domain.staff.Passwords;
import org.civic311.server.storage.StaffUserRecord;
import org.civic311.server.storage.sql.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Staff accounts from the command line: the first administrator, listing, password resets. */
@Command(name = "user", mixinStandardHelpOptions = true,
    description = "Manage staff accounts of the back office (/staff).",
    subcommands = {UserCommand.Create.class, UserCommand.ListUsers.class, UserCommand.Password.class})
final class UserCommand implements Callable<Integer> {
  // The same English texts the staff pages show, read from their bundle (commands speak English).
  private static final java.util.ResourceBundle TEXTS = java.util.ResourceBundle.getBundle("staff.messages",
      java.util.Locale.ROOT, java.util.ResourceBundle.Control.getNoFallbackControl(
          java.util.ResourceBundle.Control.FORMAT_PROPERTIES));

  private static String words(org.civic311.server.domain.Wording w) {
    String text = TEXTS.containsKey(w.key()) ? TEXTS.getString(w.key()) : w.key();
    return w.args().isEmpty() ? text : java.text.MessageFormat.format(text, w.args().toArray());
  }

  @Override
  public Integer call() {
    System.err.println("name a user command: create, list or password (see 'user --help')");
    return 2;
  }

  /**
   * The password: from standard input when {@code --password-stdin} is given (for scripts), else
   * asked twice at the terminal without echo.
   */
  static String readPassword(boolean fromStdin) throws IOException {
    if (fromStdin) {
      String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      return line == null ? "" : line;
    }
    Console console = System.console();
    if (console == null) {
      throw new IOException("no terminal to ask for the password; use --password-stdin");
    }
    char[] first = console.readPassword("Password (at least %d characters): ", Passwords.MIN_LENGTH);
    char[] second = console.readPassword("Same password again: ");
    if (first == null || second == null || !new String(first).equals(new String(second))) {
      throw new IOException("the two passwords differ");
    }
    return new String(first);
  }

  /** The password as {@link #readPassword} gives it, or null after saying why there is none. */
  static String passwordOrNull(boolean fromStdin) {
    try {
      return readPassword(fromStdin);
    } catch (IOException e) {
      System.err.println(e.getMessage());
      return null;
    }
  }

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a staff account.")
  static final class Create implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = {"-u", "--username"}, required = true, paramLabel = "NAME", description = "Sign-in name.")
    String username;

    @Option(names = {"-n", "--name"}, paramLabel = "TEXT", description = "Name shown to colleagues.")
    String displayName;

    @Option(names = {"-r", "--role"}, defaultValue = "administrator", paramLabel = "ROLE",
        description = "administrator (default), agent or viewer.")
    String role;

    @Option(names = {"-g", "--grant"}, paramLabel = "JURISDICTION[:AGENCY]",
        description = "What an agent works; repeat for several.")
    List<String> grants = new ArrayList<>();

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    @Override
    public Integer call() {
      String password = passwordOrNull(passwordStdin);
      if (password == null) {
        return 2;
      }
      try (Database db = Application.openConfigured(options.load())) {
        StaffUserRecord u = new Accounts(db.staff(), Clock.systemUTC()).create(username, displayName, password, role,
            Accounts.parseGrants(String.join("\n", grants)));
        System.out.println("Created " + u.role() + " '" + u.username() + "'. Sign in at /staff/login.");
        return 0;
      } catch (InvalidInput e) {
        e.fields().forEach((field, message) -> System.err.println(field + ": " + words(message)));
        return 2;
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List staff accounts.")
  static final class ListUsers implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() {
      try (Database db = Application.openConfigured(options.load())) {
        for (StaffUserRecord u : new Accounts(db.staff(), Clock.systemUTC()).list()) {
          System.out.printf("%-24s %-14s %-8s %s%n", u.username(), u.role(), u.active() ? "active" : "off",
              String.join(", ", u.grants().stream()
                  .map(g -> g.jurisdictionId() + (g.agency() == null ? "" : ":" + g.agency())).toList()));
        }
      }
      return 0;
    }
  }

  @Command(name = "password", mixinStandardHelpOptions = true,
      description = "Set a new password for an account, clear its lock and end its sessions.")
  static final class Password implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = {"-u", "--username"}, required = true, paramLabel = "NAME")
    String username;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    @Override
    public Integer call() {
      String password = passwordOrNull(passwordStdin);
      if (password == null) {
        return 2;
      }
      org.civic311.server.domain.Wording weakness = Passwords.weakness(password);
      if (weakness != null) {
        System.err.println("password: " + words(weakness));
        return 2;
      }
      try (Database db = Application.openConfigured(options.load())) {
        var user = db.staff().findUser(username.trim().toLowerCase(java.util.Locale.ROOT));
        if (user.isEmpty()) {
          System.err.println("no account '" + username + "'");
          return 2;
        }
        db.staff().setPassword(user.get().id(), Passwords.hash(password));
        db.staff().deleteSessionsOf(user.get().id());
        System.out.println("Password of '" + user.get().username() + "' changed; its sessions are ended.");
        return 0;
      }
    }
  }
}
