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

  /** After rows were copied in with their own ids, moves the table's id generator past them. */
  void resetIdentity(Handle h, String table);

  /**
   * A condition keeping requests (alias {@code r}) whose location lies in the box
   * {@code :min_lon, :min_lat, :max_lon, :max_lat}, backed by the dialect's spatial index.
   */
  String boxCondition();

  /**
   * A condition keeping requests (alias {@code r}) within {@code :radius} metres of
   * {@code :lat, :lon} on a sphere; the box {@code :min_lon ... :max_lat} around the circle is
   * bound as well, for dialects that prefilter with it.
   */
  String circleCondition();

  /**
   * How to find requests (alias {@code r}) matching the words bound as {@code :text}: the FROM
   * clause, an extra condition (may be empty) and the ORDER BY term for relevance, best first.
   * A dialect may look at the words first ({@code h}) to pick the cheaper plan.
   */
  TextSearch textSearch(Handle h, String text, boolean byRelevance);

  /** How the dialect writes {@code words} (letters and digits only) as the {@code :text} value. */
  String textParameter(java.util.List<String> words);

  /** The parts of a full-text search in a dialect. */
  record TextSearch(String from, String condition, String relevance) {}

  /**
   * True when the database takes one writer at a time, so that concurrent writes are better
   * gathered into shared commits ({@link GroupCommit}).
   */
  boolean singleWriter();

  /** Brings the planner's statistics up to date where the database does not do it itself. */
  void refreshStatistics();

  /** Closes the pools. */
  void close();

  static Dialect forUrl(String url, String user, String password) {
    String u = url.toLowerCase(Locale.ROOT);
    if (u.startsWith("jdbc:sqlite:")) {
      return new SqliteDialect(url);
    }
    if (u.startsWith("jdbc:postgresql:")) {
      return new PostgresDialect(url, user, password);
    }
    throw new IllegalArgumentException("database url '" + url + "' is not supported: use jdbc:sqlite:FILE or"
        + " jdbc:postgresql://HOST:PORT/DATABASE");
  }
}
