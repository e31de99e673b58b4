package org.civic311.server.command;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.civic311.server.app.Application;
import org.civic311.server.config.Configuration;
import org.civic311.server.domain.ApiKeys;
import org.civic311.server.storage.ApiKeyRecord;
import org.civic311.server.storage.sql.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import org.civic311.server.storage.RateLimit;

/** Issues, lists and revokes the API keys of applications that post requests. */
@Command(name = "keys", mixinStandardHelpOptions = true,
    description = "Manage API keys.",
    subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.SetLimit.class,
        KeysCommand.Revoke.class})
final class KeysCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("name a keys command: create, list or revoke (see 'keys --help')");
    return 2;
  }

  static ApiKeys keys(Database db) {
    return new ApiKeys(db.apiKeys(), Clock.systemUTC());
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Issue a new key; it is printed once and stored only as a hash.")
  static final class Create implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = {"-j", "--jurisdiction"}, paramLabel = "ID",
        description = "Jurisdiction the key may post to; needed when there are several.")
    String jurisdiction;

    @Option(names = {"-l", "--label"}, required = true, paramLabel = "TEXT",
        description = "Whose key it is, such as the application's name.")
    String label;

    @Option(names = "--per-minute", paramLabel = "N",
        description = "Writes a minute this key may make (its own limit; default: limits.api_key).")
    Integer perMinute;

    @Option(names = "--burst", paramLabel = "N", description = "Writes at once this key may make (with --per-minute).")
    Integer burst;

    @Override
    public Integer call() {
      Configuration config = options.load();
      String j = jurisdiction;
      if (j == null) {
        if (config.jurisdictions().size() != 1) {
          System.err.println("--jurisdiction is needed: the configuration has " + config.jurisdictions().size()
              + " jurisdictions");
          return 2;
        }
        j = config.jurisdictions().get(0).id();
      }
      String chosen = j;
      if (config.jurisdictions().stream().noneMatch(x -> x.id().equals(chosen))) {
        System.err.println("jurisdiction '" + j + "' is not in the configuration");
        return 2;
      }
      RateLimit limit;
      try {
        limit = Limit.of(perMinute, burst);
      } catch (IllegalArgumentException e) {
        System.err.println(e.getMessage());
        return 2;
      }
      try (Database db = Application.openConfigured(config)) {
        ApiKeys keys = keys(db);
        ApiKeys.IssuedKey issued = keys.issue(j, label);
        if (limit != null) {
          db.transactions().call(tx -> keys.setWriteLimit(tx, issued.record().id(), limit));
        }
        System.out.println("Issued key " + issued.record().id() + " for " + j + " (" + label + ")"
            + (limit == null ? "" : ", " + limit.perMinute() + " writes a minute, burst " + limit.burst()) + ":");
        System.out.println(issued.key());
        System.out.println("Store it now: it cannot be shown again.");
      }
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List keys with their use.")
  static final class ListKeys implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() {
      try (Database db = Application.openConfigured(options.load())) {
        List<ApiKeyRecord> all = keys(db).list();
        System.out.printf("%-5s %-24s %-10s %-8s %-9s %-20s %s%n",
            "ID", "JURISDICTION", "PREFIX", "SOURCE", "REQUESTS", "LAST USED", "LABEL / STATE");
        for (ApiKeyRecord k : all) {
          System.out.printf("%-5d %-24s %-10s %-8s %-9d %-20s %s%s%n", k.id(), k.jurisdictionId(), k.keyPrefix(),
              k.source(), k.requestCount(),
              k.lastUsedAt() == null ? "never" : Instant.ofEpochMilli(k.lastUsedAt()).toString().substring(0, 19),
              k.label(), k.revoked() ? " [revoked]" : "");
        }
      }
      return 0;
    }
  }

  @Command(name = "limit", mixinStandardHelpOptions = true,
      description = "Give a key its own write limit, or (with --default) return it to limits.api_key.")
  static final class SetLimit implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Parameters(paramLabel = "ID", description = "The key's id, as 'keys list' shows it.")
    long id;

    @Option(names = "--per-minute", paramLabel = "N", description = "Writes a minute.")
    Integer perMinute;

    @Option(names = "--burst", paramLabel = "N", description = "Writes at once.")
    Integer burst;

    @Option(names = "--default", description = "Drop the key's own limit.")
    boolean useDefault;

    @Override
    public Integer call() {
      RateLimit limit;
      try {
        limit = useDefault ? null : Limit.of(perMinute, burst);
        if (limit == null && !useDefault) {
          throw new IllegalArgumentException("give --per-minute and --burst, or --default");
        }
      } catch (IllegalArgumentException e) {
        System.err.println(e.getMessage());
        return 2;
      }
      try (Database db = Application.openConfigured(options.load())) {
        ApiKeys keys = keys(db);
        if (!db.transactions().call(tx -> keys.setWriteLimit(tx, id, limit))) {
          System.err.println("no key " + id);
          return 1;
        }
        System.out.println(limit == null ? "Key " + id + " takes the default limit again."
            : "Key " + id + ": " + limit.perMinute() + " writes a minute, burst " + limit.burst() + ".");
      }
      return 0;
    }
  }

  /** A key's own limit from the options: none when neither is given, both or an error otherwise. */
  private static final class Limit {
    static RateLimit of(Integer perMinute, Integer burst) {
      if (perMinute == null && burst == null) {
        return null;
      }
      if (perMinute == null || burst == null) {
        throw new IllegalArgumentException("--per-minute and --burst go together");
      }
      return new RateLimit(perMinute, burst);
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key by its id.")
  static final class Revoke implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Parameters(paramLabel = "ID", description = "The key's id, as 'keys list' shows it.")
    long id;

    @Override
    public Integer call() {
      try (Database db = Application.openConfigured(options.load())) {
        if (!keys(db).revoke(id)) {
          System.err.println("no unrevoked key has id " + id);
          return 1;
        }
        System.out.println("Key " + id + " is revoked; servers refuse it within "
            + "a few seconds.");
      }
      return 0;
    }
  }
}
