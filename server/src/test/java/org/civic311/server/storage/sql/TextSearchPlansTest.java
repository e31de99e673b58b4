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

/** Both SQLite text-search plans (few matches, many matches) find the same newest requests. */
class TextSearchPlansTest {

  @Test
  void commonAndRareWordsAreFoundNewestFirstWhicheverPlanRuns(@TempDir Path dir) {
    String url = "jdbc:sqlite:" + dir.resolve("t.db");
    try (Database db = Database.open(url, null, null)) {
      db.migrate();
      db.catalogue().synchronize(new JurisdictionRecord("j", "J", "UTC", 0), List.of(), 0);
      SQLiteDataSource ds = new SQLiteDataSource();
      ds.setUrl(url);
      int rows = SqliteDialect.MANY_MATCHES + 50;
      Jdbi.create(ds).useTransaction(h -> {
        for (int i = 1; i <= rows; i++) {
          h.createUpdate("INSERT INTO service_requests (jurisdiction_id, service_code, service_name, status,"
                  + " description, requested_at, updated_at, attributes) VALUES ('j', 'S', 'S', 'open', :d, :at, :at,"
                  + " '{}')")
              .bind("d", i % 1000 == 0 ? "common and rare marker" : "common words only")
              .bind("at", 1_000_000L + i).execute();
        }
      });
      List<RequestRecord> common = db.requests().search(query(List.of("common"), false));
      assertThat(common).hasSize(10);
      assertThat(common.get(0).requestedAt()).isEqualTo(1_000_000L + rows);
      assertThat(common.get(9).requestedAt()).isEqualTo(1_000_000L + rows - 9);

      List<RequestRecord> rare = db.requests().search(query(List.of("marker"), false));
      assertThat(rare).extracting(RequestRecord::requestedAt)
          .containsExactly(1_005_000L, 1_004_000L, 1_003_000L, 1_002_000L, 1_001_000L);
      assertThat(db.requests().search(query(List.of("common", "marker"), true))).hasSize(5);
    }
  }

  private static RequestQuery query(List<String> words, boolean byRelevance) {
    return new RequestQuery("j", List.of(), List.of(), List.of(), null, null, null, null, null, null, words,
        byRelevance, 0, 10);
  }
}
