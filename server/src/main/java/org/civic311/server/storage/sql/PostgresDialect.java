package org.civic311.server.storage.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;

/**
 * PostgreSQL with PostGIS, for cities that run several server nodes on one database. One pool
 * serves reads and writes; with replicas, the reads of public calls may go to their pools
 * instead ({@link ReplicaSet}). Every wait is bounded: a connection is given up after
 * {@link #CONNECTION_TIMEOUT_MS}, a statement after {@link #SOCKET_TIMEOUT_S}, so an unreachable
 * database turns into a prompt 503 instead of a hung client, and the pool reconnects by itself
 * when the database returns.
 */
final class PostgresDialect implements Dialect {
  static final long CONNECTION_TIMEOUT_MS = 3_000;
  static final int SOCKET_TIMEOUT_S = 30;
  private static final int POOL_SIZE = 16;
  private static final long CATALOGUE_LOCK = 0x0C1C311L;
  /** How many of the newest requests are looked at to learn how common some words are. */
  static final long SAMPLE = 1_000;
  /** The most requests a page of words may be expected to walk before the text index is better. */
  static final long WALK_LIMIT = 20_000;
  static final long REPLICA_CONNECTION_TIMEOUT_MS = 1_000;
  private final HikariDataSource pool;
  private final ReplicaSet replicaSet;

  PostgresDialect(String url, String user, String password) {
    this(url, user, password, java.util.List.of(), java.time.Duration.ofSeconds(10));
  }

  /** With {@code replicas}, reads in a replica scope go to them (see {@link ReplicaSet}). */
  PostgresDialect(String url, String user, String password, java.util.List<Database.ReplicaAddress> replicas,
      java.time.Duration maxLag) {
    pool = new HikariDataSource(poolConfig(url, user, password, "postgresql"));
    if (replicas.isEmpty()) {
      replicaSet = null;
      return;
    }
    java.util.List<Replica> list = new java.util.ArrayList<>();
    for (Database.ReplicaAddress r : replicas) {
      HikariConfig hc = poolConfig(r.url(), r.user(), r.password(), "postgresql-" + r.name());
      hc.setReadOnly(true);
      // No connections kept ready: a replica that is away then costs no attempts in the background.
      hc.setMinimumIdle(0);
      // A replica that went away since its last check costs a read this long before the primary takes it.
      hc.setConnectionTimeout(REPLICA_CONNECTION_TIMEOUT_MS);
      list.add(new Replica(r.name(), new HikariDataSource(hc), new Watch(r.url(), r.user(), r.password())));
    }
    replicaSet = new ReplicaSet(pool, new Watch(url, user, password), list, maxLag);
  }

  private static HikariConfig poolConfig(String url, String user, String password, String name) {
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(url);
    hc.setUsername(user);
    hc.setPassword(password);
    hc.setPoolName(name);
    hc.setMaximumPoolSize(POOL_SIZE);
    hc.setMinimumIdle(2);
    hc.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
    hc.setValidationTimeout(1_000);
    // Start even when the database is briefly away; calls answer 503 until it is back.
    hc.setInitializationFailTimeout(-1);
    hc.addDataSourceProperty("connectTimeout", "3");
    hc.addDataSourceProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT_S));
    hc.addDataSourceProperty("tcpKeepAlive", "true");
    hc.addDataSourceProperty("ApplicationName", "civic311");
    // Statements are prepared on the server after a few runs; a generic plan for a text or
    // place filter can be a hundred times slower than one made for the actual values. JIT
    // compiling is off: the costs of big searches switched it on, and it took longer than it saved.
    // Parallel workers are off too: every statement here is a page of at most 1,000 rows, and
    // starting a worker took longer than the search it shared (a radius search: 48-51 ms with
    // one worker, 31-33 ms without, on the 1M store of bench/search).
    hc.addDataSourceProperty("options",
        "-c plan_cache_mode=force_custom_plan -c jit=off -c max_parallel_workers_per_gather=0");
    return hc;
  }

  @Override
  public String name() {
    return "postgresql";
  }

  @Override
  public DataSource writePool() {
    return pool;
  }

  @Override
  public DataSource readPool() {
    return replicaSet == null ? pool : replicaSet.reads();
  }

  @Override
  public org.civic311.server.storage.Replication replication() {
    return replicaSet == null ? org.civic311.server.storage.Replication.NONE : replicaSet;
  }

  @Override
  public void meterReplicas(io.micrometer.core.instrument.MeterRegistry registry) {
    if (replicaSet != null) {
      replicaSet.meter(registry);
    }
  }

  @Override
  public void lockCatalogue(Handle h) {
    h.execute("SELECT pg_advisory_xact_lock(" + CATALOGUE_LOCK + ")");
  }

  @Override
  public java.util.Set<String> generatedColumns(java.sql.Connection c, String table) throws java.sql.SQLException {
    java.util.Set<String> names = new java.util.HashSet<>();
    try (java.sql.PreparedStatement s = c.prepareStatement("SELECT column_name FROM information_schema.columns"
        + " WHERE table_schema = current_schema() AND table_name = ? AND is_generated <> 'NEVER'")) {
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
    h.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'),"
        + " GREATEST((SELECT COALESCE(MAX(id), 0) FROM " + table + "), 1),"
        + " (SELECT COUNT(*) > 0 FROM " + table + "))");
  }

  @Override
  public void refreshStatistics() {
    // Autovacuum analyses PostgreSQL tables by itself.
  }

  @Override
  public org.civic311.server.storage.RateBuckets rateBuckets() {
    return new PostgresBuckets(pool);
  }

  @Override
  public String oneOf(String column) {
    // An array, not a set-returning function: the planner knows its length and probes the index
    // once per element, where it took json_array_elements_text for 100 rows and scanned the table.
    return column + " = ANY(?)";
  }

  @Override
  public void bindStrings(java.sql.PreparedStatement s, int index, java.util.List<String> values)
      throws java.sql.SQLException {
    s.setArray(index, s.getConnection().createArrayOf("text", values.toArray(new String[0])));
  }

  @Override
  public void beginBulkLoad(Handle h) {
    h.execute("SELECT set_config('civic311.bulk_load', 'on', true)");
  }

  @Override
  public void endBulkLoad(Handle h, long afterId) {
    // The full-text and place columns are generated with the row; only the closed_at trigger
    // stood aside, and the import wrote closed_at itself.
    h.execute("SELECT set_config('civic311.bulk_load', 'off', true)");
  }

  @Override
  public boolean singleWriter() {
    return false;
  }

  @Override
  public int tidyIndexes() {
    // Autovacuum keeps the statistics and the GIN index's pending list in order.
    return 0;
  }

  @Override
  public String lockingSuffix() {
    return " FOR UPDATE";
  }

  /**
   * The GiST index over place and time ({@code service_requests_place_time}) answers the place
   * and the window together; the planner weighs it against the other indexes.
   */
  @Override
  public PlaceSearch placeSearch(Handle h, Place place) {
    String box = "r.location && ST_MakeEnvelope(:min_lon, :min_lat, :max_lon, :max_lat, 4326)::geography";
    String circle = "ST_DWithin(r.location, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)::geography, :radius, false)";
    String condition = !place.circle() ? box : place.boxGiven() ? box + " AND " + circle : circle;
    return new PlaceSearch(null, condition, "", null);
  }

  /**
   * The planner guesses how many requests hold several words as if the words were unrelated, so
   * it takes words that go together ({@code bus stop}: 67,790 requests of 1M, guessed 4,596) for
   * rare ones and reads them all through the text index (48 ms). So the words are first counted
   * among the newest {@link #SAMPLE} requests: when a page would be full after walking at most
   * {@link #WALK_LIMIT} requests newest first, the condition is written so that the text index
   * cannot serve it ({@code IS TRUE}), and the walk is what remains (1.8 ms). Otherwise the
   * planner chooses, as it does well for rare words. Relevance needs every match, so it always
   * has the index.
   */
  @Override
  public TextSearch textSearch(Handle h, String text, boolean byRelevance, long pageEnd) {
    String matches = "r.search @@ plainto_tsquery('simple', :text)";
    String relevance = "ts_rank(r.search, plainto_tsquery('simple', :text)) DESC";
    if (byRelevance) {
      return new TextSearch("service_requests r", matches, relevance);
    }
    long hits = h.createQuery("SELECT COUNT(*) FROM (SELECT search FROM service_requests ORDER BY id DESC LIMIT "
            + SAMPLE + ") s WHERE search @@ plainto_tsquery('simple', :text)")
        .bind("text", text).mapTo(Long.class).one();
    boolean walk = hits > 0 && pageEnd * SAMPLE / hits <= WALK_LIMIT;
    return new TextSearch("service_requests r", walk ? "(" + matches + ") IS TRUE" : matches, relevance);
  }

  /** A cursor's plan favours the first rows, so the planner walks the primary key by itself. */
  @Override
  public String scanFrom() {
    return "service_requests r";
  }

  @Override
  public String textParameter(java.util.List<String> words) {
    return String.join(" ", words);
  }

  /** PostgreSQL has its own tools for consistent copies of a live database: pg_dump and pg_restore. */
  @Override
  public org.civic311.server.storage.Snapshots snapshots() {
    return new org.civic311.server.storage.Snapshots() {
      @Override
      public void take(java.nio.file.Path file) {
        throw new UnsupportedOperationException("a PostgreSQL database is backed up with pg_dump");
      }

      @Override
      public Check check(java.nio.file.Path file) {
        throw new UnsupportedOperationException("a PostgreSQL database is restored with pg_restore");
      }
    };
  }

  @Override
  public String changeMarker(Handle h) {
    // Two equal snapshots see exactly the same committed transactions, so the same rows.
    return h.createQuery("SELECT pg_current_snapshot()::text").mapTo(String.class).one();
  }

  @Override
  public void close() {
    if (replicaSet != null) {
      replicaSet.close();
    }
    pool.close();
  }
}
