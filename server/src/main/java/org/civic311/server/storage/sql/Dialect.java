package org.civic311.server.storage.sql;

import java.util.Locale;
import javax.sql.DataSource;

/**
 * The one seam where SQL databases differ: how connections are made and pooled, and which
 * migration files apply. Everything else in {@code storage.sql} is shared SQL.
 */
interface Dialect {

  /** A short name, also the folder of the dialect's migrations under {@code db/migration}. */
  String name();

  /** The pool that writes go through. */
  DataSource writePool();

  /** The pool that reads go through; may be the same as {@link #writePool()}. */
  DataSource readPool();

  /** Closes the pools. */
  void close();

  static Dialect forUrl(String url, String user, String password) {
    String u = url.toLowerCase(Locale.ROOT);
    if (u.startsWith("jdbc:sqlite:")) {
      return new SqliteDialect(url);
    }
    throw new IllegalArgumentException(
        "database url '" + url + "' is not supported: use jdbc:sqlite:FILE");
  }
}
