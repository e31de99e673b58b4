package org.civic311.server.storage.sql;

import java.util.Locale;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;

/**
 * The one seam where SQL databases differ: how connections are made and pooled, which migration
 * files apply, and the few statements whose SQL is not shared. Everything else in
 * {@code storage.sql} is common SQL.
 */
interface Dialect {

  /** A short name, also the folder of the dialect's migrations under {@code db/migration}. */
  String name();

  /** The pool that writes go through. */
  DataSource writePool();

  /** The pool that reads go through; may be the same as {@link #writePool()}. */
  DataSource readPool();

  /**
   * Serialises catalogue changes across server nodes for the rest of the transaction, so two
   * nodes starting at once do not both insert the same jurisdiction.
   */
  void lockCatalogue(Handle h);

  /** What a SELECT ends with to lock the rows it reads until the transaction ends. */
  String lockingSuffix();

  /**
   * The columns of {@code table} that the database computes itself (generated columns), named
   * in lower case: a copy must leave them out of its inserts.
   */
  java.util.Set<String> generatedColumns(java.sql.Connection c, String table) throws java.sql.SQLException;

  /** After rows were copied in with their own ids, moves the table's id generator past them. */
  void resetIdentity(Handle h, String table);

  /**
   * How to find requests (alias {@code r}) in a place: the box bound as {@code :min_lon, :min_lat,
   * :max_lon, :max_lat} and, for a circle, within {@code :radius} metres of {@code :lat, :lon}
   * (the box then holds the circle); the window bounds {@code :from} and {@code :to} on
   * {@code requested_at} are bound when {@code place} has them. A dialect may count candidates
   * first ({@code h}) to pick the cheaper plan.
   */
  PlaceSearch placeSearch(Handle h, Place place);

  /** A place to search, as bound in the statement; {@code from} and {@code to} may be null. */
  record Place(org.civic311.server.storage.RequestQuery.Box box, boolean boxGiven, boolean circle, Long from,
      Long to) {}

  /**
   * The parts of a search by place.
   *
   * @param from      a FROM clause led by the place index, giving requests as {@code r}, or null
   *                  when the plain table is the better start
   * @param condition what every request must meet (the exact place), whatever leads
   * @param indexed   a condition through the place index, for when {@code from} is not used; may
   *                  be empty
   * @param newest    the ORDER BY that gives newest first when {@code from} leads, or null
   */
  record PlaceSearch(String from, String condition, String indexed, String newest) {}

  /**
   * How to find requests (alias {@code r}) matching the words bound as {@code :text}: the FROM
   * clause, an extra condition (may be empty) and the ORDER BY term for relevance, best first.
   * A dialect may look at the words first ({@code h}) to pick the cheaper plan for a page that
   * ends {@code pageEnd} rows into the results.
   */
  TextSearch textSearch(Handle h, String text, boolean byRelevance, long pageEnd);

  /**
   * The FROM clause that reads every request (alias {@code r}) in id order without sorting, for
   * a scan that must start sending at once and hold nothing but the row at hand.
   */
  String scanFrom();

  /** How the dialect writes {@code words} (letters and digits only) as the {@code :text} value. */
  String textParameter(java.util.List<String> words);

  /** The parts of a full-text search in a dialect. */
  record TextSearch(String from, String condition, String relevance) {}

  /**
   * True when the database takes one writer at a time, so that concurrent writes are better
   * gathered into shared commits ({@link GroupCommit}).
   */
  boolean singleWriter();

  /**
   * A new store of the rate limits' token buckets: shared by every node where several may serve
   * one database, in memory where only one does. Made once per open database.
   */
  org.civic311.server.storage.RateBuckets rateBuckets();

  /**
   * Starts a bulk load inside the current transaction: the per-row index work that the dialect
   * can do in one statement for many rows (migration V18) stands aside until {@link #endBulkLoad}.
   * The state lives only in that transaction, so a load cut off leaves nothing behind.
   */
  void beginBulkLoad(Handle h);

  /** Does the deferred index work for the requests with ids above {@code afterId}, and ends the bulk load. */
  void endBulkLoad(Handle h, long afterId);

  /**
   * A condition that {@code column} is one of many strings, all in one parameter bound by
   * {@link #bindStrings}, so a statement's text does not grow with the list and its index is used.
   */
  String oneOf(String column);

  /** Binds the strings of {@link #oneOf} at {@code index}. */
  void bindStrings(java.sql.PreparedStatement s, int index, java.util.List<String> values)
      throws java.sql.SQLException;

  /** Brings the planner's statistics up to date where the database does not do it itself. */
  void refreshStatistics();

  /**
   * Maintenance the database does not do by itself, in short steps so writers are never held up
   * for long; returns how many steps did work.
   */
  int tidyIndexes();

  /** Whole copies of the database for backups. */
  org.civic311.server.storage.Snapshots snapshots();

  /**
   * For a database kept in a file: null while the file the pools write is still the one at the
   * configured path, else what happened to it (deleted or replaced, so what is written now would
   * be lost at the next start). Null for a database server.
   */
  default String lostFile() {
    return null;
  }

  /** The replicas beside the primary; none unless the dialect has them. */
  default org.civic311.server.storage.Replication replication() {
    return org.civic311.server.storage.Replication.NONE;
  }

  /** Measures the replicas (state, lag, reads served) and their pools in {@code registry}. */
  default void meterReplicas(io.micrometer.core.instrument.MeterRegistry registry) {}

  /**
   * A value that changes whenever anything is committed to the database, read cheaply, so that
   * what was read beside an equal value may be reused. Rows read on {@code h} after this call
   * are at least as new as the value says (they may be newer).
   */
  String changeMarker(Handle h);

  /** Sets what the dialect needs on a Jdbi made on one of its pools; returns it. */
  default org.jdbi.v3.core.Jdbi configure(org.jdbi.v3.core.Jdbi jdbi) {
    return jdbi;
  }

  /** Closes the pools. */
  void close();

  static Dialect forUrl(String url, String user, String password) {
    return forUrl(url, user, password, java.util.List.of(), java.time.Duration.ofSeconds(10));
  }

  /**
   * The dialect of {@code url}, with replicas to read from (PostgreSQL only).
   *
   * @throws IllegalArgumentException for an unsupported URL, or replicas of a SQLite database
   */
  static Dialect forUrl(String url, String user, String password, java.util.List<Database.ReplicaAddress> replicas,
      java.time.Duration maxLag) {
    String u = url.toLowerCase(Locale.ROOT);
    if (u.startsWith("jdbc:sqlite:")) {
      if (!replicas.isEmpty()) {
        throw new IllegalArgumentException("database replicas are for PostgreSQL; a SQLite database is one file"
            + " that this server reads itself: remove database.replicas, or use a jdbc:postgresql: URL");
      }
      return new SqliteDialect(url);
    }
    if (u.startsWith("jdbc:postgresql:")) {
      return new PostgresDialect(url, user, password, replicas, maxLag);
    }
    throw new IllegalArgumentException("database url '" + url + "' is not supported: use jdbc:sqlite:FILE or"
        + " jdbc:postgresql://HOST:PORT/DATABASE");
  }
}
