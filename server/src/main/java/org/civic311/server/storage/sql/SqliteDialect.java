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

  @Override
  public void close() {
    readers.close();
    writer.close();
  }
}
