package org.civic311.server.storage.sql;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.civic311.server.storage.ReadScope;
import org.civic311.server.storage.Replication;
import org.civic311.server.storage.StorageException;
import org.jdbi.v3.core.Jdbi;

/**
 * The replicas of a PostgreSQL primary and the choice, for each read, of where it runs (see
 * {@link ReadScope}): a reading call goes to a replica in rotation that has replayed its caller's
 * last write, taking turns among them; anything else, or with no such replica, to the primary. A
 * replica that refuses a connection is taken out at once and the read goes to the primary; a
 * replica whose pool stays full for {@link PostgresDialect#REPLICA_CONNECTION_TIMEOUT_MS} spills
 * that read over to the primary and stays in.
 *
 * <p>A thread per replica, and one for the primary, check every {@link #CHECK_INTERVAL_MS}: the
 * primary's log position, and each replica's replayed position (see {@link LogHistory} for how
 * that becomes a lag). The interval bounds how long a writer's reads stay on the primary after
 * its replica has caught up, at the cost of one tiny query per server per tick.
 */
final class ReplicaSet implements Replication, AutoCloseable {
  static final long CHECK_INTERVAL_MS = 500;
  private static final String POSITION = "SELECT (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::bigint";

  private final HikariDataSource primary;
  private final Jdbi primaryJdbi;
  private final Watch primaryWatch;
  private final List<Replica> replicas;
  private final LogHistory history = new LogHistory();
  private final long maxLagNanos;
  private final AtomicInteger turn = new AtomicInteger();
  private final LongAdder primaryReads = new LongAdder();
  private final ScheduledExecutorService checks;
  private final DataSource reads = new Routed();

  ReplicaSet(HikariDataSource primary, Watch primaryWatch, List<Replica> replicas, Duration maxLag) {
    this.primary = primary;
    this.primaryJdbi = Jdbi.create(primary);
    this.primaryWatch = primaryWatch;
    this.replicas = List.copyOf(replicas);
    this.maxLagNanos = maxLag.toNanos();
    AtomicInteger n = new AtomicInteger();
    this.checks = Executors.newScheduledThreadPool(replicas.size() + 1, r -> {
      Thread t = new Thread(r, "replica-check-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    checks.scheduleWithFixedDelay(this::samplePrimary, 0, CHECK_INTERVAL_MS, TimeUnit.MILLISECONDS);
    for (Replica r : this.replicas) {
      checks.scheduleWithFixedDelay(() -> r.check(history, maxLagNanos), 0, CHECK_INTERVAL_MS,
          TimeUnit.MILLISECONDS);
    }
  }

  private void samplePrimary() {
    try {
      history.record(System.nanoTime(), primaryWatch.ask(POSITION, rs -> rs.getLong(1)));
    } catch (SQLException | RuntimeException e) {
      // The primary is away: the replicas' lag is then told against what was last seen.
    }
  }

  /** The pool reads go through: each connection from a replica or the primary, as the thread's scope allows. */
  DataSource reads() {
    return reads;
  }

  @Override
  public boolean enabled() {
    return true;
  }

  @Override
  public long writePosition() {
    try {
      return primaryJdbi.withHandle(h -> h.createQuery(POSITION).mapTo(Long.class).one());
    } catch (org.jdbi.v3.core.JdbiException e) {
      throw new StorageException("the primary database did not tell its log position", e);
    }
  }

  @Override
  public List<ReplicaState> replicas() {
    List<ReplicaState> states = new ArrayList<>(replicas.size());
    for (Replica r : replicas) {
      states.add(r.state());
    }
    return states;
  }

  /** A replica in rotation that has replayed {@code seen}, the next in turn; null when there is none. */
  private Replica pick(long seen) {
    int size = replicas.size();
    int start = Math.floorMod(turn.getAndIncrement(), size);
    for (int i = 0; i < size; i++) {
      Replica r = replicas.get((start + i) % size);
      if (r.serves(seen)) {
        return r;
      }
    }
    return null;
  }

  /** Connections given to reads, by server; replica state and lag; the replicas' pools. */
  void meter(MeterRegistry registry) {
    FunctionCounter.builder("civic311.database.read.connections", primaryReads, LongAdder::sum)
        .description("Connections given to reads, by the server that served them")
        .tag("server", "primary").register(registry);
    for (Replica r : replicas) {
      r.pool.setMetricRegistry(registry);
      FunctionCounter.builder("civic311.database.read.connections", r.reads, LongAdder::sum)
          .description("Connections given to reads, by the server that served them")
          .tag("server", r.name).register(registry);
      Gauge.builder("civic311.database.replica.in.rotation", r, x -> x.inRotation() ? 1 : 0)
          .description("1 while reads go to the replica, 0 while it is out of rotation")
          .tag("replica", r.name).register(registry);
      Gauge.builder("civic311.database.replica.lag", r, x -> {
        Double lag = x.state().lagSeconds();
        return lag == null ? Double.NaN : lag;
      }).description("How far the replica was behind the primary at its last check, at least")
          .baseUnit("seconds").tag("replica", r.name).register(registry);
    }
  }

  @Override
  public void close() {
    checks.shutdownNow();
    try {
      checks.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Replica r : replicas) {
      r.close();
    }
    primaryWatch.close();
  }

  /** Gives each read a connection of a replica or of the primary; everything else is the primary's pool. */
  private final class Routed implements DataSource {
    @Override
    public Connection getConnection() throws SQLException {
      ReadScope scope = ReadScope.current();
      if (scope.replicas()) {
        Replica r = pick(scope.seen());
        if (r != null) {
          try {
            Connection c = r.pool.getConnection();
            r.reads.increment();
            return c;
          } catch (SQLException e) {
            // A full pool only spills this read over to the primary; anything else takes the replica out.
            if (!r.busy()) {
              r.failed("refused a connection");
            }
          }
        }
      }
      primaryReads.increment();
      return primary.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      throw new SQLFeatureNotSupportedException("the read pool has its own credentials");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
      return primary.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
      primary.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
      primary.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
      return primary.getLoginTimeout();
    }

    @Override
    public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
      return primary.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      if (iface.isInstance(this)) {
        return iface.cast(this);
      }
      throw new SQLException("not a wrapper of " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return iface.isInstance(this);
    }
  }
}
