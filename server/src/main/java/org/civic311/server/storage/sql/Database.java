package org.civic311.server.storage.sql;

import org.civic311.server.storage.ApiKeyStore;
import org.civic311.server.storage.CatalogueStore;
import org.civic311.server.storage.RequestStore;
import org.civic311.server.storage.Transactions;
import org.civic311.server.storage.UpdateStore;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;

/**
 * An open SQL database: its dialect, its migrations and the stores on top of it. Thread-safe;
 * close it once when the application stops.
 */
public final class Database implements AutoCloseable {
  private final Dialect dialect;
  private final Jdbi reads;
  private final Reader pooledReads;
  private final Jdbi writes;
  private final Writer writer;
  private final org.civic311.server.storage.RateBuckets rateBuckets;

  private Database(Dialect dialect) {
    this.dialect = dialect;
    this.reads = dialect.configure(Jdbi.create(dialect.readPool()));
    this.pooledReads = Reader.pooled(reads);
    this.writes = dialect.configure(Jdbi.create(dialect.writePool()));
    this.writer = dialect.singleWriter() ? new GroupCommit(writes) : Writer.direct(writes);
    this.rateBuckets = dialect.rateBuckets();
  }

  /**
   * Opens the database at a JDBC URL ({@code jdbc:sqlite:FILE}); does not migrate.
   *
   * @throws IllegalArgumentException for an unsupported URL
   */
  public static Database open(String url, String user, String password) {
    return new Database(Dialect.forUrl(url, user, password));
  }

  /**
   * Opens a PostgreSQL database whose public reads may go to {@code replicas} (streaming
   * standbys) while they lag no more than {@code maxLag}; see {@link #replication()}.
   *
   * @throws IllegalArgumentException for an unsupported URL, or replicas of a SQLite database
   */
  public static Database open(String url, String user, String password, java.util.List<ReplicaAddress> replicas,
      java.time.Duration maxLag) {
    return new Database(Dialect.forUrl(url, user, password, replicas, maxLag));
  }

  /**
   * Where a replica is and how to sign in to it.
   *
   * @param name a short name for logs, metrics and the readiness details; never its address
   */
  public record ReplicaAddress(String name, String url, String user, String password) {
    @Override
    public String toString() {
      return "ReplicaAddress[name=" + name + ", url=" + url + ", user=" + user + ", password="
          + (password == null ? "none" : "***") + "]";
    }
  }

  /** The replicas beside the primary, and a writer's position for reading its own writes. */
  public org.civic311.server.storage.Replication replication() {
    return dialect.replication();
  }
  /**
   * Loads the embedded database's native library ahead of use, so a start can do it beside
   * other work; failures are left for {@link #open} to report.
   */
  public static void warmUp() {
    try {
      org.sqlite.SQLiteJDBCLoader.initialize();
    } catch (Exception | LinkageError e) {
      // Reported when the database is opened.
    }
  }


  /**
   * Applies the pending numbered migrations; returns how many ran. When the schema already has
   * the newest bundled migration, Flyway is not started at all: it costs a large part of a
   * start-up, and a started node is the common case.
   */
  public int migrate() {
    if (Migrations.isCurrent(dialect)) {
      analyze();
      return 0;
    }
    MigrateResult result;
    try {
      result = Flyway.configure()
          .dataSource(dialect.writePool())
          .locations("classpath:db/migration/" + dialect.name())
          .load()
          .migrate();
    } catch (org.flywaydb.core.api.FlywayException e) {
      // Flyway's own message spans many lines; the cause's first line says what is wrong.
      Throwable cause = e;
      while (cause.getCause() != null && cause.getCause() != cause) {
        cause = cause.getCause();
      }
      String message = String.valueOf(cause.getMessage()).lines().findFirst().orElse("").trim();
      throw new org.civic311.server.storage.StorageException("cannot open and migrate the " + dialect.name()
          + " database: " + message, e);
    }
    analyze();
    return result.migrationsExecuted;
  }

  /**
   * Copies one jurisdiction, or all, from this database into {@code target}, keeping ids, in
   * batches; {@code progress} hears how far it got.
   *
   * @throws IllegalStateException when the target already holds a copied jurisdiction's data
   */
  public DatabaseCopy.Result copyTo(Database target, String jurisdictionId, DatabaseCopy.Progress progress) {
    return new DatabaseCopy(this.dialect, target.dialect, progress).copy(jurisdictionId);
  }

  private void analyze() {
    dialect.refreshStatistics();
  }

  /**
   * Index upkeep the database does not do by itself (on SQLite: merging the full-text index,
   * fresh planner statistics), in short write steps; returns how many steps did work. Safe while
   * serving, and on every node at once.
   */
  public int tidyIndexes() {
    return dialect.tidyIndexes();
  }

  /**
   * How the database runs the statement a search for {@code q} sends: the statement, its plan (on
   * PostgreSQL executed, with timings) and on SQLite the time of one execution.
   */
  public String explainSearch(org.civic311.server.storage.RequestQuery q) {
    return new SqlRequestStore(reads, writer, dialect).explain(q);
  }

  /** Whole copies of this database, for backups (SQLite only; PostgreSQL has pg_dump). */
  public org.civic311.server.storage.Snapshots snapshots() {
    return dialect.snapshots();
  }

  /** Checks snapshot files without an open database, for a restore. */
  public static org.civic311.server.storage.Snapshots snapshotFiles() {
    return new SqliteSnapshots(null);
  }

  /**
   * The file of a SQLite URL ({@code jdbc:sqlite:FILE}, with or without {@code file:} and a
   * query), or empty for any other database or an in-memory one.
   */
  public static java.util.Optional<java.nio.file.Path> sqliteFile(String url) {
    String prefix = "jdbc:sqlite:";
    if (url == null || !url.regionMatches(true, 0, prefix, 0, prefix.length())) {
      return java.util.Optional.empty();
    }
    String rest = url.substring(prefix.length());
    int query = rest.indexOf('?');
    rest = query < 0 ? rest : rest.substring(0, query);
    if (rest.startsWith("file:")) {
      rest = rest.substring("file:".length());
    }
    if (rest.isEmpty() || rest.equals(":memory:")) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(java.nio.file.Path.of(rest));
  }

  public String dialectName() {
    return dialect.name();
  }

  public RequestStore requests() {
    return new SqlRequestStore(reads, writer, dialect);
  }

  public UpdateStore updates() {
    return new SqlUpdateStore(pooledReads, writer, dialect);
  }

  public CatalogueStore catalogue() {
    return new SqlCatalogueStore(pooledReads, Writer.direct(writes), dialect);
  }

  public org.civic311.server.storage.StaffStore staff() {
    return new SqlStaffStore(pooledReads, writer);
  }

  public org.civic311.server.storage.AuditStore audit() {
    return new SqlAuditStore(pooledReads, writer);
  }

  public org.civic311.server.storage.FollowerStore followers() {
    return new SqlFollowerStore(reads, writer);
  }

  public org.civic311.server.storage.CaseworkStore casework() {
    return new SqlCaseworkStore(pooledReads, writer, dialect);
  }

  /** Where imports write: batches keyed by the source's ids, each batch one transaction. */
  public org.civic311.server.storage.ImportStore imports() {
    return new SqlImportStore(reads, Writer.direct(writes), dialect);
  }

  /** Transactions spanning several stores: a staff action and its audit entry commit together. */
  public org.civic311.server.storage.IdempotencyStore idempotency() {
    return new SqlIdempotencyStore(pooledReads, writer);
  }

  public org.civic311.server.storage.MirrorStore mirrors() {
    return new SqlMirrorStore(pooledReads, writer);
  }

  public org.civic311.server.storage.OutboxStore outbox() {
    return new SqlOutboxStore(pooledReads, writer);
  }

  public org.civic311.server.storage.StatsStore stats() {
    return new SqlStatsStore(pooledReads);
  }

  public Transactions transactions() {
    return new SqlTransactions(writer, dialect);
  }

  /** The token buckets of the rate limits; one store per open database. */
  public org.civic311.server.storage.RateBuckets rateBuckets() {
    return rateBuckets;
  }

  /** The log of public events (live streams, webhooks, area alerts). */
  public org.civic311.server.storage.EventStore events() {
    return new SqlEventStore(pooledReads);
  }

  /** Webhooks and their deliveries. */
  public org.civic311.server.storage.WebhookStore webhooks() {
    return new SqlWebhookStore(pooledReads, writer);
  }

  public ApiKeyStore apiKeys() {
    return new SqlApiKeyStore(pooledReads, Writer.direct(writes));
  }

  /**
   * Measures the connection pools (use, waits, timeouts) and, on SQLite, the group commit (batch
   * sizes, queue) in {@code registry} from now on. Call once.
   */
  public void meter(io.micrometer.core.instrument.MeterRegistry registry) {
    java.util.Set<javax.sql.DataSource> pools = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    pools.add(dialect.writePool());
    pools.add(dialect.readPool());
    for (javax.sql.DataSource pool : pools) {
      if (pool instanceof com.zaxxer.hikari.HikariDataSource hikari) {
        hikari.setMetricRegistry(registry);
      }
    }
    if (writer instanceof GroupCommit group) {
      group.meter(registry);
    }
    dialect.meterReplicas(registry);
  }

  /**
   * The checks of readiness: the database answers a query ({@code database}), has every bundled
   * migration and none failed ({@code migrations}), and takes writes ({@code writer}: on SQLite,
   * no write has waited longer than {@code writerStuck}; elsewhere the write pool answers).
   */
  public java.util.List<org.civic311.server.storage.Probe> probes(java.time.Duration writerStuck) {
    return HealthProbes.of(dialect, reads, writes, writer instanceof GroupCommit g ? g : null, writerStuck);
  }

  @Override
  public void close() {
    writer.close();
    dialect.close();
  }
}
