package org.civic311.server.storage.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.civic311.server.storage.JurisdictionRecord;
import org.civic311.server.storage.RequestQuery;
import org.civic311.server.storage.RequestRecord;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * The SQLite text-search plans (few matches; many matches listed; many matches probed) find the
 * same newest requests, and each is chosen where it should be.
 */
class TextSearchPlansTest {

  @Test
  void commonAndRareWordsAreFoundNewestFirstWhicheverPlanRuns(@TempDir Path dir) {
    String url = "jdbc:sqlite:" + dir.resolve("t.db");
    try (Database db = Database.open(url, null, null)) {
      db.migrate();
      db.catalogue().synchronize(new JurisdictionRecord("j", "J", "UTC", 0), List.of(), 0);
      SQLiteDataSource ds = new SQLiteDataSource();
      ds.setUrl(url);
      int rows = 25_000;
      Jdbi loader = Jdbi.create(ds);
      for (int part = 0; part < 10; part++) { // a commit each, as a live store gets them: many segments
        int first = part * rows / 10 + 1;
        loader.useTransaction(h -> {
          org.jdbi.v3.core.statement.PreparedBatch batch = h.prepareBatch("INSERT INTO service_requests"
              + " (jurisdiction_id, service_code, service_name, status, description, requested_at, updated_at,"
              + " attributes) VALUES ('j', 'S', 'S', 'open', :d, :at, :at, '{}')");
          for (int i = first; i < first + rows / 10; i++) {
            String d = i % 5_000 == 0 ? "common fifth rare marker" : i % 5 == 0 ? "common fifth" : "common words";
            batch.bind("d", d).bind("at", 1_000_000L + i).add();
          }
          batch.execute();
        });
      }
      // Every request: probing the index for each walked request fills the page at once.
      List<RequestRecord> common = db.requests().search(query(List.of("common"), false));
      assertThat(common).extracting(RequestRecord::requestedAt)
          .containsExactly(1_025_000L, 1_024_999L, 1_024_998L, 1_024_997L, 1_024_996L, 1_024_995L, 1_024_994L,
              1_024_993L, 1_024_992L, 1_024_991L);
      // One in five: still MANY_MATCHES, but building the list is cheaper than probing.
      List<RequestRecord> fifth = db.requests().search(query(List.of("fifth"), false, 100));
      assertThat(fifth).hasSize(100);
      assertThat(fifth.get(0).requestedAt()).isEqualTo(1_025_000L);
      assertThat(fifth.get(99).requestedAt()).isEqualTo(1_024_505L);

      List<RequestRecord> rare = db.requests().search(query(List.of("marker"), false));
      assertThat(rare).extracting(RequestRecord::requestedAt)
          .containsExactly(1_025_000L, 1_020_000L, 1_015_000L, 1_010_000L, 1_005_000L);
      assertThat(db.requests().search(query(List.of("common", "marker"), true))).hasSize(5);

      SqliteDialect dialect = new SqliteDialect(url);
      try {
        Jdbi plans = Jdbi.create(ds);
        // The newest ids against a short list, older ones by probe (common) or the whole list (fifth).
        assertThat(condition(plans, dialect, "common")).contains("rowid >= ").contains("EXISTS");
        assertThat(condition(plans, dialect, "fifth")).contains("rowid >= ").doesNotContain("EXISTS");
        assertThat(condition(plans, dialect, "marker")).isEmpty();
        // Merging the full-text index leaves one segment, and the answers as they were.
        assertThat(segments(plans)).isGreaterThan(1);
        assertThat(dialect.tidyIndexes()).isPositive();
        assertThat(segments(plans)).isEqualTo(1);
        assertThat(dialect.tidyIndexes()).isZero();
      } finally {
        dialect.close();
      }
      assertThat(db.requests().search(query(List.of("fifth"), false, 100))).hasSize(100);
      assertThat(db.requests().search(query(List.of("marker"), false))).hasSize(5);

      // An old id with the newest time (as an import out of order leaves): found first all the same.
      loader.useHandle(h -> h.execute("UPDATE service_requests SET requested_at = 2000000 WHERE id = 5"));
      assertThat(db.requests().search(query(List.of("common"), false)).get(0).id()).isEqualTo(5);
      assertThat(db.requests().search(query(List.of("fifth"), false, 100)).get(0).id()).isEqualTo(5);
    }
  }

  private static String condition(Jdbi jdbi, SqliteDialect dialect, String word) {
    Dialect.TextSearch plan = jdbi.withHandle(h -> dialect.textSearch(h, '"' + word + '"', false, 100));
    return plan.condition();
  }

  /** Segments of the full-text index: each has its own rows in the index's {@code _idx} table. */
  private static int segments(Jdbi jdbi) {
    return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(DISTINCT segid) FROM service_requests_text_idx")
        .mapTo(Integer.class).one());
  }

  private static RequestQuery query(List<String> words, boolean byRelevance) {
    return query(words, byRelevance, 10);
  }

  private static RequestQuery query(List<String> words, boolean byRelevance, int limit) {
    return new RequestQuery("j", List.of(), List.of(), List.of(), null, null, null, null, null, null, words,
        byRelevance, 0, limit);
  }
}
