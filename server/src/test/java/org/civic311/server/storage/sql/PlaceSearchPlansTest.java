package org.civic311.server.storage.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.civic311.server.storage.JurisdictionRecord;
import org.civic311.server.storage.RequestQuery;
import org.civic311.server.storage.RequestRecord;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * The SQLite place plans (the place and time index leads; or the requests are walked and each
 * place checked) give the same, exact answers: the index's rounded floats never add or drop a
 * request at the edge of a box, a circle or a window.
 */
class PlaceSearchPlansTest {
  private static final long T0 = 1_700_000_000_000L;
  /** A crowd of requests in a square of 0.01 degrees, one a minute, more than MANY_PLACES. */
  private static final int CROWD = SqliteDialect.MANY_PLACES + 1_000;

  @TempDir
  static Path dir;
  private static String url;
  private static Database db;

  @BeforeAll
  static void fill() {
    url = "jdbc:sqlite:" + dir.resolve("p.db");
    db = Database.open(url, null, null);
    db.migrate();
    db.catalogue().synchronize(new JurisdictionRecord("j", "J", "UTC", 0), List.of(), 0);
    SQLiteDataSource ds = new SQLiteDataSource();
    ds.setUrl(url);
    Jdbi.create(ds).useTransaction(h -> {
      org.jdbi.v3.core.statement.PreparedBatch batch = h.prepareBatch("INSERT INTO service_requests"
          + " (jurisdiction_id, service_code, service_name, status, description, requested_at, updated_at,"
          + " attributes, lat, lon) VALUES ('j', 'S', 'S', 'open', :d, :at, :at, '{}', :lat, :lon)");
      for (int i = 0; i < CROWD; i++) {
        batch.bind("d", "crowd " + i).bind("at", T0 + i * 60_000L)
            .bind("lat", 38.90 + (i % 100) / 10_000.0).bind("lon", -77.03 + (i / 100 % 100) / 10_000.0).add();
      }
      // Alone, far from the crowd: exactly on a box's edge, and 0.000001 degrees (11 cm) outside it.
      batch.bind("d", "on the edge").bind("at", T0).bind("lat", 38.95).bind("lon", -77.0512345).add();
      batch.bind("d", "just outside").bind("at", T0).bind("lat", 38.95).bind("lon", -77.0512335).add();
      batch.execute();
    });
  }

  @org.junit.jupiter.api.AfterAll
  static void close() {
    db.close();
  }

  @Test
  void aBoxIsExactToTheLastDigitWhicheverPlanRuns() {
    RequestQuery.Box edge = new RequestQuery.Box(-77.06, 38.94, -77.0512345, 38.96);
    assertThat(descriptions(query(edge, null, null, null))).containsExactly("on the edge");
    assertThat(plan(edge, null, null).from()).as("few candidates: the index leads").isNotNull();
  }

  @Test
  void aCrowdedPlaceWalksTheRequestsAndStillFindsTheNewest() {
    RequestQuery.Box crowd = new RequestQuery.Box(-77.04, 38.89, -77.01, 38.92);
    assertThat(plan(crowd, null, null).from()).as("many candidates: walk").isNull();
    List<RequestRecord> page = db.requests().search(query(crowd, null, null, null));
    assertThat(page).extracting(RequestRecord::requestedAt)
        .containsExactly(T0 + (CROWD - 1) * 60_000L, T0 + (CROWD - 2) * 60_000L, T0 + (CROWD - 3) * 60_000L);
  }

  @Test
  void aWindowKeepsItsBoundsWhileTheIndexLeads() {
    RequestQuery.Box crowd = new RequestQuery.Box(-77.04, 38.89, -77.01, 38.92);
    long from = T0 + 100 * 60_000L;
    long to = T0 + 102 * 60_000L;
    assertThat(plan(crowd, from, to).from()).isNotNull();
    assertThat(db.requests().search(query(crowd, null, from, to))).extracting(RequestRecord::requestedAt)
        .containsExactly(to, T0 + 101 * 60_000L, from);
  }

  @Test
  void aCircleAndABoxTogetherKeepOnlyRequestsInBoth() {
    // Crowd request 0 is at (38.90, -77.03); its neighbours are 0.0001 degrees apart.
    RequestQuery.Circle near = new RequestQuery.Circle(38.90, -77.03, 12); // 11.1 m north, 8.7 m east
    List<String> inCircle = descriptions(query(null, near, T0, T0 + CROWD * 60_000L));
    assertThat(inCircle).containsExactlyInAnyOrder("crowd 0", "crowd 1", "crowd 100");
    RequestQuery.Box east = new RequestQuery.Box(-77.02995, 38.0, -77.0, 39.0);
    assertThat(descriptions(query(east, near, T0, T0 + CROWD * 60_000L))).containsExactly("crowd 100");
  }

  private static Dialect.PlaceSearch plan(RequestQuery.Box box, Long from, Long to) {
    SQLiteDataSource ds = new SQLiteDataSource();
    ds.setUrl(url);
    SqliteDialect dialect = new SqliteDialect(url);
    try {
      return Jdbi.create(ds).withHandle(h -> dialect.placeSearch(h, new Dialect.Place(box, true, false, from, to)));
    } finally {
      dialect.close();
    }
  }

  private static List<String> descriptions(RequestQuery q) {
    return db.requests().search(q).stream().map(RequestRecord::description).toList();
  }

  private static RequestQuery query(RequestQuery.Box box, RequestQuery.Circle near, Long from, Long to) {
    return new RequestQuery("j", List.of(), List.of(), List.of(), from, to, null, null, box, near, List.of(), false,
        0, 3);
  }
}
