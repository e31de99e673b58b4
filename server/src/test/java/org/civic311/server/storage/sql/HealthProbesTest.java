package org.civic311.server.storage.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.civic311.server.storage.Probe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The readiness checks and the writer's meters on a real SQLite file with its real group commit. */
class HealthProbesTest {

  private static String trouble(List<Probe> probes, String name) {
    return probes.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().trouble();
  }

  @Test
  void aWriteHeldUpLongerThanTheLimitMakesTheWriterCheckFailUntilItCommits(@TempDir Path dir) throws Exception {
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("h.db"), null, null)) {
      db.migrate();
      List<Probe> probes = db.probes(Duration.ofMillis(300));
      assertThat(probes).extracting(Probe::name).containsExactly("database", "migrations", "writer");
      assertThat(probes).allSatisfy(p -> assertThat(p.trouble()).as(p.name()).isNull());

      CountDownLatch release = new CountDownLatch(1);
      // A unit of writing that takes long (a slow disk, a lock): the writer is held up by it.
      CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> db.transactions().run(tx -> {
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }));
      Thread.sleep(700);
      assertThat(trouble(probes, "writer")).contains("a write has waited");
      assertThat(trouble(probes, "database")).as("reads go on").isNull();
      release.countDown();
      slow.get(10, TimeUnit.SECONDS);
      assertThat(trouble(probes, "writer")).isNull();
    }
  }

  @Test
  void aPendingOrFailedMigrationFailsTheMigrationsCheck(@TempDir Path dir) {
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("m.db"), null, null)) {
      db.migrate();
      List<Probe> probes = db.probes(Duration.ofSeconds(30));
      SqliteDialect dialect = new SqliteDialect("jdbc:sqlite:" + dir.resolve("m.db"));
      try {
        org.jdbi.v3.core.Jdbi jdbi = org.jdbi.v3.core.Jdbi.create(dialect.writePool());
        int latest = Migrations.latest("sqlite");
        jdbi.useHandle(h -> h.execute("DELETE FROM flyway_schema_history WHERE version = ?", String.valueOf(latest)));
        assertThat(trouble(probes, "migrations")).isEqualTo("migrations pending: the database is at " + (latest - 1)
            + ", this server needs " + latest);
        jdbi.useHandle(h -> h.execute("UPDATE flyway_schema_history SET success = 0 WHERE version = '2'"));
        assertThat(trouble(probes, "migrations")).isEqualTo("migration 2 failed; see flyway_schema_history");
      } finally {
        dialect.close();
      }
    }
  }

  @Test
  void batchSizesAndPoolsAreMeasured(@TempDir Path dir) {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("b.db"), null, null)) {
      db.migrate();
      db.meter(registry);
      db.transactions().run(tx -> { });
      db.transactions().run(tx -> { });
      assertThat(registry.get("civic311.sqlite.group.commit.batch").summary().count()).isEqualTo(2);
      assertThat(registry.get("hikaricp.connections.active").tag("pool", "sqlite-writer").gauge()).isNotNull();
      assertThat(registry.get("hikaricp.connections.active").tag("pool", "sqlite-reader").gauge()).isNotNull();
    }
  }
}
