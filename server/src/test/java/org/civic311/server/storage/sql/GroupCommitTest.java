package org.civic311.server.storage.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** Shared commits on a real SQLite file: every unit is committed once answered, failures alone. */
class GroupCommitTest {

  static Jdbi sqlite(Path dir) {
    SQLiteDataSource ds = new SQLiteDataSource();
    ds.setUrl("jdbc:sqlite:" + dir.resolve("g.db"));
    Jdbi jdbi = Jdbi.create(ds);
    jdbi.useHandle(h -> h.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE)"));
    return jdbi;
  }

  @Test
  void concurrentUnitsAreAllCommittedWhenTheyReturn(@TempDir Path dir) throws Exception {
    Jdbi jdbi = sqlite(dir);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try (GroupCommit writer = new GroupCommit(jdbi)) {
      List<Future<Long>> ids = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        String v = "v" + i;
        ids.add(pool.submit(() -> {
          long id = writer.inTransaction(h -> h.createUpdate("INSERT INTO t (v) VALUES (:v)").bind("v", v)
              .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
          // Committed: a separate connection already sees it.
          String stored = jdbi.withHandle(h -> h.createQuery("SELECT v FROM t WHERE id = :id").bind("id", id)
              .mapTo(String.class).one());
          assertThat(stored).isEqualTo(v);
          return id;
        }));
      }
      List<Long> seen = new ArrayList<>();
      for (Future<Long> f : ids) {
        seen.add(f.get());
      }
      assertThat(seen).doesNotHaveDuplicates().hasSize(500);
    } finally {
      pool.shutdown();
    }
    int count = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM t").mapTo(Integer.class).one());
    assertThat(count).isEqualTo(500);
  }

  @Test
  void aFailingUnitIsRolledBackAloneAndItsCallerSeesTheFailure(@TempDir Path dir) {
    Jdbi jdbi = sqlite(dir);
    try (GroupCommit writer = new GroupCommit(jdbi)) {
      writer.inTransaction(h -> h.execute("INSERT INTO t (v) VALUES ('same')"));
      assertThatThrownBy(() -> writer.inTransaction(h -> {
        h.execute("INSERT INTO t (v) VALUES ('partly written')");
        return h.execute("INSERT INTO t (v) VALUES ('same')");
      })).hasMessageContaining("UNIQUE");
      writer.inTransaction(h -> h.execute("INSERT INTO t (v) VALUES ('after')"));
    }
    List<String> values = jdbi.withHandle(h -> h.createQuery("SELECT v FROM t ORDER BY id").mapTo(String.class)
        .list());
    assertThat(values).containsExactly("same", "after");
  }
}
