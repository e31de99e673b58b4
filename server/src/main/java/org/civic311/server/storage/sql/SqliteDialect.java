package org.civic311.server.storage.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.jdbi.v3.core.Handle;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded default. SQLite allows one writer at a time, so writes go through a pool of one
 * connection (they queue in the pool instead of spinning on SQLITE_BUSY) and reads through a
 * few more, which WAL lets run beside the writer. {@code synchronous=NORMAL} in WAL mode keeps
 * every commit safe from a crash of the process; only a power loss can take the newest commits.
 */
final class SqliteDialect implements Dialect {
  private static final int READERS = 8;
  /** The mean radius of the Earth, as PostGIS uses for distances on a sphere. */
  static final String SPHERE_METRES = "6371008.7714";
  /** Above this many matching requests, walking the newest first is cheaper than reading them all. */
  static final int MANY_MATCHES = 5_000;
  private final HikariDataSource writer;
  private final HikariDataSource readers;

  SqliteDialect(String url) {
    writer = pool(url, 1, "sqlite-writer");
    readers = pool(url, READERS, "sqlite-reader");
  }

  private static HikariDataSource pool(String url, int size, String name) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(10_000);
    config.enforceForeignKeys(true);
    // Statement journals of trigger-firing inserts stay in memory instead of a file per write.
    config.setTempStore(SQLiteConfig.TempStore.MEMORY);
    SQLiteDataSource ds = new SQLiteDataSource(config);
    ds.setUrl(url);
    HikariConfig hc = new HikariConfig();
    hc.setDataSource(ds);
    hc.setPoolName(name);
    hc.setMaximumPoolSize(size);
    hc.setMinimumIdle(1);
    hc.setConnectionTimeout(10_000);
    return new HikariDataSource(hc);
  }

  @Override
  public String name() {
    return "sqlite";
  }

  @Override
  public HikariDataSource writePool() {
    return writer;
  }

  @Override
  public HikariDataSource readPool() {
    return readers;
  }

  @Override
  public void lockCatalogue(Handle h) {
    // One writer connection: transactions are already serialised.
  }

  @Override
  public void resetIdentity(Handle h, String table) {
    // AUTOINCREMENT continues after the largest id present.
  }

  /**
   * Keeps the planner's statistics fresh, bounded so it stays quick on big files; without them
   * SQLite may walk the time index where the service index would be far cheaper.
   */
  @Override
  public void refreshStatistics() {
    try (java.sql.Connection c = writer.getConnection(); java.sql.Statement s = c.createStatement()) {
      s.execute("PRAGMA analysis_limit = 1000");
      s.execute("PRAGMA optimize");
    } catch (java.sql.SQLException e) {
      // Statistics only help the planner; a database that cannot take them still works.
    }
  }

  @Override
  public boolean singleWriter() {
    return true;
  }

  @Override
  public String lockingSuffix() {
    return "";
  }

  @Override
  public String boxCondition() {
    return "r.id IN (SELECT id FROM service_request_locations WHERE min_lon >= :min_lon AND max_lon <= :max_lon"
        + " AND min_lat >= :min_lat AND max_lat <= :max_lat)";
  }

  @Override
  public String circleCondition() {
    return boxCondition() + " AND " + SPHERE_METRES + " * 2 * asin(sqrt(pow(sin(radians(r.lat - :lat) / 2), 2)"
        + " + cos(radians(:lat)) * cos(radians(r.lat)) * pow(sin(radians(r.lon - :lon) / 2), 2))) <= :radius";
  }

  /**
   * Two plans, chosen by how many requests hold the words. Few: read the matches from the
   * full-text index first and fetch each request by id (cost grows with the matches). Many:
   * walk the requests newest first and keep those among the matches, stopping at the page's end
   * (cost grows with how far back the page lies). Relevance needs every match ranked, so it
   * always reads the matches first. Without this choice SQLite nests the full-text lookup inside
   * the walk, which is slow for both.
   */
  @Override
  public TextSearch textSearch(Handle h, String text, boolean byRelevance) {
    boolean few = byRelevance || h.createQuery("SELECT COUNT(*) FROM (SELECT rowid FROM service_requests_text"
            + " WHERE service_requests_text MATCH :text LIMIT " + MANY_MATCHES + ")")
        .bind("text", text).mapTo(Integer.class).one() < MANY_MATCHES;
    if (few) {
      return new TextSearch("(SELECT rowid AS text_id, bm25(service_requests_text) AS text_rank"
          + " FROM service_requests_text WHERE service_requests_text MATCH :text) t"
          + " CROSS JOIN service_requests r ON r.id = t.text_id", "", "t.text_rank");
    }
    return new TextSearch("service_requests r",
        "r.id IN (SELECT rowid FROM service_requests_text WHERE service_requests_text MATCH :text)", null);
  }

  @Override
  public String textParameter(java.util.List<String> words) {
    // Each word quoted: FTS5 syntax in a client's words can then never be an error or an operator.
    StringBuilder sb = new StringBuilder();
    for (String w : words) {
      sb.append(sb.length() == 0 ? "" : " ").append('"').append(w).append('"');
    }
    return sb.toString();
  }

  @Override
  public void close() {
    readers.close();
    writer.close();
  }
}
