package org.civic311.server.storage.sql;

import java.time.Duration;
import java.util.List;
import org.civic311.server.storage.Probe;
import org.jdbi.v3.core.Jdbi;

/** The readiness checks of a database (see {@link Database#probes}); each costs one short query or none. */
final class HealthProbes {
  private HealthProbes() {}

  static List<Probe> of(Dialect dialect, Jdbi reads, Jdbi writes, GroupCommit group, Duration writerStuck) {
    int latest = Migrations.latest(dialect.name());
    String failed = dialect.name().equals("sqlite") ? "0" : "false";
    Probe database = probe("database", () -> {
      String lost = dialect.lostFile();
      if (lost != null) {
        return lost;
      }
      // Reads the schema, so a file that cannot be read fails here, not only a closed pool.
      reads.withHandle(h -> h.createQuery("SELECT count(*) FROM flyway_schema_history").mapTo(Long.class).one());
      return null;
    });
    Probe migrations = probe("migrations", () -> reads.withHandle(h -> {
      List<String> broken = h.createQuery("SELECT version FROM flyway_schema_history WHERE success = " + failed)
          .mapTo(String.class).list();
      if (!broken.isEmpty()) {
        return "migration " + broken.get(0) + " failed; see flyway_schema_history";
      }
      Integer newest = h.createQuery("SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history"
          + " WHERE version IS NOT NULL").mapTo(Integer.class).one();
      int at = newest == null ? 0 : newest;
      return at >= latest ? null : "migrations pending: the database is at " + at + ", this server needs " + latest;
    }));
    Probe writer = group != null
        ? probe("writer", () -> {
          long waited = group.oldestWaitNanos();
          return waited > writerStuck.toNanos()
              ? "a write has waited " + waited / 1_000_000_000 + " s for the database" : null;
        })
        : probe("writer", () -> {
          writes.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
          return null;
        });
    return List.of(database, migrations, writer);
  }

  private static Probe probe(String name, java.util.function.Supplier<String> check) {
    return new Probe() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String trouble() {
        try {
          return check.get();
        } catch (org.jdbi.v3.core.JdbiException e) {
          throw new org.civic311.server.storage.StorageException("the database did not answer: "
              + firstLine(e.getMessage()), e);
        }
      }
    };
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    String first = nl < 0 ? message : message.substring(0, nl);
    return first.length() > 160 ? first.substring(0, 160) : first;
  }
}
