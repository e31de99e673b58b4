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
  /**
   * Above this many requests in a place and window, walking the requests (in time order, so
   * their pages are read in sequence) is cheaper than reading and sorting the candidates.
   */
  static final int MANY_PLACES = 4_000;
  /** The unit of time in the place and time index: 5,000 days in milliseconds (see migration V9). */
  static final String TIME_UNIT = "432000000000.0";
  /** How many of the newest requests are looked at to learn how common some words are. */
  static final long SAMPLE = 10_000;
  /** How many pages' worth of the newest matches the short list is made for. */
  static final long RECENT_PAGES = 4;
  /** Pages of the full-text index merged in one step of {@link #tidyIndexes()}. */
  static final int MERGE_PAGES = 500;
  /** A bound on the steps of one tidying, so it always ends (about 2 GB of index at most). */
  static final int MAX_MERGE_STEPS = 1_000;
  private final HikariDataSource writer;
  private final HikariDataSource readers;
  /** One connection that only asks whether others committed ({@code PRAGMA data_version}). */
  private final HikariDataSource versions;
  /** The database file, and its identity once the pools opened it (null for a database in memory). */
  private final java.nio.file.Path file;
  private final Object fileKey;

  SqliteDialect(String url) {
    try {
      writer = pool(url, 1, "sqlite-writer");
    } catch (RuntimeException e) {
      throw cannotOpen(url, e);
    }
    try {
      readers = pool(url, READERS, "sqlite-reader");
    } catch (RuntimeException e) {
      writer.close();
      throw cannotOpen(url, e);
    }
    file = fileOf(url);
    fileKey = file == null ? null : identity(file);
    versions = file == null ? null : pool(url, 1, "sqlite-version");
  }

  /** A file that cannot be opened (a missing folder, no permission) said in one line. */
  private static org.civic311.server.storage.StorageException cannotOpen(String url, RuntimeException e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    return new org.civic311.server.storage.StorageException("cannot open the SQLite database "
        + url.substring("jdbc:sqlite:".length()) + ": " + cause.getMessage(), e);
  }

  private static java.nio.file.Path fileOf(String url) {
    String f = url.substring("jdbc:sqlite:".length());
    int q = f.indexOf('?');
    f = q < 0 ? f : f.substring(0, q);
    f = f.startsWith("file:") ? f.substring("file:".length()) : f;
    return f.isEmpty() || f.startsWith(":memory:") ? null : java.nio.file.Path.of(f);
  }

  private static Object identity(java.nio.file.Path path) {
    try {
      return java.nio.file.Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    } catch (java.io.IOException e) {
      return null;
    }
  }

  @Override
  public String lostFile() {
    if (fileKey == null) {
      return null;
    }
    Object now = identity(file);
    if (now == null) {
      return "the database file is gone from its path; what is written now is lost at the next start";
    }
    return now.equals(fileKey) ? null : "the database file at its path was replaced by another file";
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
  public java.util.Set<String> generatedColumns(java.sql.Connection c, String table) throws java.sql.SQLException {
    // table_xinfo marks generated columns as hidden 2 (virtual) or 3 (stored).
    java.util.Set<String> names = new java.util.HashSet<>();
    try (java.sql.PreparedStatement s = c.prepareStatement(
        "SELECT name FROM pragma_table_xinfo(?) WHERE hidden IN (2, 3)")) {
      s.setString(1, table);
      try (java.sql.ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT));
        }
      }
    }
    return names;
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

  /**
   * Merges the full-text index into one segment, a few pages at a time. Rows added one by one
   * leave the index in many segments, and a lookup of a word visits every segment: a merged
   * index answered a probe about ten times faster at 10 million requests. Each step is its own
   * short write; a step that writes nothing means the index is merged. An interrupt stops it
   * between two steps.
   */
  @Override
  public int tidyIndexes() {
    int steps = 0;
    try (java.sql.Connection c = writer.getConnection(); java.sql.Statement s = c.createStatement()) {
      while (steps < MAX_MERGE_STEPS && !Thread.currentThread().isInterrupted()) {
        long before = changes(s);
        s.execute("INSERT INTO service_requests_text(service_requests_text, rank) VALUES('merge', -" + MERGE_PAGES + ")");
        if (changes(s) - before < 2) {
          break;
        }
        steps++;
      }
      s.execute("PRAGMA optimize");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("tidying the SQLite indexes failed: " + e.getMessage(), e);
    }
    return steps;
  }

  private static long changes(java.sql.Statement s) throws java.sql.SQLException {
    try (java.sql.ResultSet rs = s.executeQuery("SELECT total_changes()")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Override
  public org.civic311.server.storage.RateBuckets rateBuckets() {
    return new MemoryBuckets();
  }

  @Override
  public String oneOf(String column) {
    return column + " IN (SELECT value FROM json_each(?))";
  }

  @Override
  public void bindStrings(java.sql.PreparedStatement s, int index, java.util.List<String> values)
      throws java.sql.SQLException {
    s.setString(index, Json.write(values));
  }

  @Override
  public void beginBulkLoad(Handle h) {
    h.execute("INSERT INTO bulk_loads (id) VALUES (1)");
  }

  @Override
  public void endBulkLoad(Handle h, long afterId) {
    // One statement each for the whole batch: the rows are read in id order, so the full-text
    // index takes them as one sorted run, and the R*Tree's pages stay in the cache.
    h.createUpdate("INSERT INTO service_requests_text (rowid, description, address, status_notes)"
        + " SELECT id, description, address, status_notes FROM service_requests WHERE id > :after")
        .bind("after", afterId).execute();
    h.createUpdate("INSERT INTO service_request_places (id, min_lon, max_lon, min_lat, max_lat, min_at, max_at,"
        + " requested_at) SELECT id, lon, lon, lat, lat, requested_at / 432000000000.0,"
        + " requested_at / 432000000000.0, requested_at FROM service_requests"
        + " WHERE id > :after AND lat IS NOT NULL AND lon IS NOT NULL")
        .bind("after", afterId).execute();
    h.execute("DELETE FROM bulk_loads");
  }

  @Override
  public boolean singleWriter() {
    return true;
  }

  @Override
  public String lockingSuffix() {
    return "";
  }

  /**
   * Two plans, chosen by how many requests the place and time index holds for the box and window
   * (it keeps each request's place and time). Few (under {@link #MANY_PLACES}): the index leads,
   * newest first by the exact time it keeps beside each entry, so a page needs few requests read.
   * Many: walk the requests in the query's order and check each one's place, which fills a page
   * soon when so many are in the place. The index holds 32-bit floats rounded outwards, so its
   * answers are candidates: the exact place is checked on every request.
   */
  @Override
  public PlaceSearch placeSearch(Handle h, Place place) {
    String filter = "max_lon >= :min_lon AND min_lon <= :max_lon AND max_lat >= :min_lat AND min_lat <= :max_lat"
        + (place.from() != null ? " AND max_at >= :from / " + TIME_UNIT : "")
        + (place.to() != null ? " AND min_at <= :to / " + TIME_UNIT : "");
    String exact = "r.lon BETWEEN :min_lon AND :max_lon AND r.lat BETWEEN :min_lat AND :max_lat";
    if (place.circle()) {
      exact += " AND " + SPHERE_METRES + " * 2 * asin(sqrt(pow(sin(radians(r.lat - :lat) / 2), 2)"
          + " + cos(radians(:lat)) * cos(radians(r.lat)) * pow(sin(radians(r.lon - :lon) / 2), 2))) <= :radius";
    }
    org.jdbi.v3.core.statement.Query count = h.createQuery("SELECT COUNT(*) FROM (SELECT id FROM"
            + " service_request_places WHERE " + filter + " LIMIT " + MANY_PLACES + ")")
        .bind("min_lon", place.box().minLon()).bind("max_lon", place.box().maxLon())
        .bind("min_lat", place.box().minLat()).bind("max_lat", place.box().maxLat());
    if (place.from() != null) {
      count.bind("from", place.from());
    }
    if (place.to() != null) {
      count.bind("to", place.to());
    }
    if (count.mapTo(Integer.class).one() >= MANY_PLACES) {
      return new PlaceSearch(null, exact, "", null);
    }
    // Sorted in the subquery (LIMIT -1 keeps it from being merged into the outer query), so that
    // a page newest first reads only its own requests, not every candidate.
    return new PlaceSearch("(SELECT id AS place_id, requested_at AS place_at FROM service_request_places WHERE "
        + filter + " ORDER BY requested_at DESC, id DESC LIMIT -1) p CROSS JOIN service_requests r"
        + " ON r.id = p.place_id", exact,
        "r.id IN (SELECT id FROM service_request_places WHERE " + filter + ")", "p.place_at DESC, p.place_id DESC");
  }

  /**
   * Plans chosen by how many requests hold the words. Few (under {@link #MANY_MATCHES}): read
   * the matches from the full-text index first and fetch each request by id; the cost grows with
   * the matches. Many: walk the requests newest first, stopping at the page's end, and keep those
   * among the matches. The newest requests are tested against a short list of the matches among
   * the newest ids, enough for {@link #RECENT_PAGES} pages at the share of matches seen among the
   * newest {@link #SAMPLE}; older ones (an older window, or ids imported out of time order)
   * against the whole list of matches, built once, or by a probe of the index per request,
   * whichever {@link TextPlanCost} expects to be cheaper. Relevance needs every match ranked, so
   * it always reads the matches first.
   */
  @Override
  public TextSearch textSearch(Handle h, String text, boolean byRelevance, long pageEnd) {
    if (byRelevance || h.createQuery("SELECT COUNT(*) FROM (SELECT rowid FROM service_requests_text"
            + " WHERE service_requests_text MATCH :text LIMIT " + MANY_MATCHES + ")")
        .bind("text", text).mapTo(Integer.class).one() < MANY_MATCHES) {
      return new TextSearch("(SELECT rowid AS text_id, bm25(service_requests_text) AS text_rank"
          + " FROM service_requests_text WHERE service_requests_text MATCH :text) t"
          + " CROSS JOIN service_requests r ON r.id = t.text_id", "", "t.text_rank");
    }
    long newest = h.createQuery("SELECT COALESCE(MAX(id), 0) FROM service_requests").mapTo(Long.class).one();
    long sampled = Math.min(SAMPLE, newest);
    long all = inSample(h, text, newest - sampled);
    // The list is built from each word's own matches, so its cost follows the commonest words.
    String[] words = text.split(" ");
    long each = 0;
    for (String word : words) {
      each += words.length == 1 ? all : inSample(h, word, newest - sampled);
    }
    String older = TextPlanCost.probeIsCheaper(all, each, words.length, sampled, newest, pageEnd)
        ? "EXISTS (SELECT 1 FROM service_requests_text p WHERE p.service_requests_text MATCH :text AND p.rowid = r.id)"
        : "r.id IN (SELECT rowid FROM service_requests_text WHERE service_requests_text MATCH :text)";
    // The newest requests have the highest ids, so a page newest first is mostly found among
    // them: their matches are listed alone (a short list: the index seeks to the first id), with
    // room for several pages, and only requests older than that fall back to the plan above.
    long floor = all == 0 ? 0 : Math.max(0, newest - RECENT_PAGES * pageEnd * sampled / all);
    return new TextSearch("service_requests r", "((r.id >= " + floor + " AND r.id IN (SELECT rowid FROM"
        + " service_requests_text WHERE service_requests_text MATCH :text AND rowid >= " + floor + "))"
        + " OR (r.id < " + floor + " AND " + older + "))", null);
  }

  private static long inSample(Handle h, String text, long floor) {
    return h.createQuery("SELECT COUNT(*) FROM service_requests_text WHERE service_requests_text MATCH :text"
            + " AND rowid > :floor")
        .bind("text", text).bind("floor", floor).mapTo(Long.class).one();
  }

  /**
   * The table in rowid order. Without NOT INDEXED the planner, guessing from an equality on
   * {@code jurisdiction_id}, would read an index and sort every row in memory before the first.
   */
  @Override
  public String scanFrom() {
    return "service_requests r NOT INDEXED";
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
  public org.civic311.server.storage.Snapshots snapshots() {
    return new SqliteSnapshots(readers);
  }

  @Override
  public org.jdbi.v3.core.Jdbi configure(org.jdbi.v3.core.Jdbi jdbi) {
    jdbi.setStatementBuilderFactory(c -> new SqliteStatements());
    return jdbi;
  }

  @Override
  public String changeMarker(Handle h) {
    if (versions == null) {
      // Each connection to a database in memory is a database of its own: nothing can be compared.
      return java.util.UUID.randomUUID().toString();
    }
    // The value moves whenever another connection (the writer, another process) committed since
    // this one last asked; only this connection asks, so equal values mean nothing was committed.
    try (java.sql.Connection c = versions.getConnection();
        java.sql.Statement st = c.createStatement();
        java.sql.ResultSet rs = st.executeQuery("PRAGMA data_version")) {
      rs.next();
      return "v" + rs.getLong(1);
    } catch (java.sql.SQLException e) {
      throw new org.civic311.server.storage.StorageException("reading the change marker failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (versions != null) {
      versions.close();
    }
    readers.close();
    writer.close();
  }
}
