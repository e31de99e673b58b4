package org.civic311.server.storage.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.civic311.server.storage.AuditEntry;
import org.civic311.server.storage.AuditQuery;
import org.civic311.server.storage.Transaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One transaction over several stores, on a real SQLite file (where it is one unit of a group
 * commit): everything commits together, a failure undoes everything, reads see the transaction's
 * own writes, and a write that goes around the transaction is refused instead of waiting forever.
 */
class SqlTransactionsTest {
  static final AuditQuery EVERY_ENTRY = new AuditQuery(null, null, null, null, null, null, 0, 100);
  @TempDir
  Path dir;
  Database db;

  @BeforeEach
  void open() {
    db = Database.open("jdbc:sqlite:" + dir.resolve("t.db"), null, null);
    db.migrate();
  }

  @AfterEach
  void close() {
    db.close();
  }

  static void addAccount(Transaction tx, String username) {
    tx.staff().insertUser(username, username, "hash", "viewer", List.of(), 1L).orElseThrow();
    tx.audit().append(new AuditEntry(0, 1L, null, "-", "create_user", "account", username, null, null, null, "test"));
  }

  @Test
  void writesToSeveralStoresAreCommittedTogether() {
    db.transactions().run(tx -> addAccount(tx, "ada"));

    assertThat(db.staff().findUser("ada")).isPresent();
    assertThat(db.audit().search(EVERY_ENTRY)).extracting(AuditEntry::targetId).containsExactly("ada");
  }

  @Test
  void aFailureUndoesEveryStoreAndReachesTheCallerAsThrown() {
    IllegalStateException failure = new IllegalStateException("refused after both writes");
    assertThatThrownBy(() -> db.transactions().run(tx -> {
      addAccount(tx, "bob");
      throw failure;
    })).isSameAs(failure);

    assertThat(db.staff().findUser("bob")).isEmpty();
    assertThat(db.audit().search(EVERY_ENTRY)).isEmpty();
    db.transactions().run(tx -> addAccount(tx, "cy"));
    assertThat(db.staff().users()).extracting(u -> u.username()).containsExactly("cy");
  }

  @Test
  void readsInsideSeeTheTransactionsOwnWritesAndOthersDoNotUntilItCommits() {
    boolean[] seen = new boolean[2];
    db.transactions().run(tx -> {
      addAccount(tx, "dee");
      seen[0] = tx.staff().findUser("dee").isPresent();
      seen[1] = db.staff().findUser("dee").isPresent();
    });

    assertThat(seen[0]).as("read inside the transaction").isTrue();
    assertThat(seen[1]).as("read outside, before the commit").isFalse();
    assertThat(db.staff().findUser("dee")).isPresent();
  }

  @Test
  void aWriteAroundTheTransactionIsRefusedAndUndoesTheWholeTransaction() {
    Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
        assertThatThrownBy(() -> db.transactions().run(tx -> {
          addAccount(tx, "eve");
          db.staff().insertUser("mallory", "mallory", "hash", "viewer", List.of(), 1L);
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("transaction's stores"));

    assertThat(db.staff().users()).isEmpty();
    assertThat(db.audit().search(EVERY_ENTRY)).isEmpty();
  }
}
