package org.civic311.server.storage.sql;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.concurrent.atomic.LongAdder;
import org.civic311.server.storage.Replication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One streaming standby: its pool of read connections and what its last check found. It is in
 * rotation while it answers, is in recovery (a standby, not a server of its own) and lags no more
 * than the limit; once out for lag, it comes back at half the limit, so a replica hovering at the
 * limit does not flap. It starts out of rotation until its first check.
 */
final class Replica implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Replica.class);
  private static final String CHECK = "SELECT pg_is_in_recovery(),"
      + " (pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::bigint";

  final String name;
  final HikariDataSource pool;
  final LongAdder reads = new LongAdder();
  private final Watch watch;
  private volatile boolean inRotation;
  private volatile long replayed;
  private volatile Double lagSeconds;
  private volatile String trouble = "not checked yet";
  private volatile boolean checked;

  Replica(String name, HikariDataSource pool, Watch watch) {
    this.name = name;
    this.pool = pool;
    this.watch = watch;
  }

  /** Asks the standby how far it has replayed and decides whether it serves reads. One thread calls it. */
  void check(LogHistory primary, long maxLagNanos) {
    boolean standby;
    long position;
    try {
      long[] answer = watch.ask(CHECK, rs -> new long[] {rs.getBoolean(1) ? 1 : 0, rs.getLong(2)});
      standby = answer[0] == 1;
      position = answer[1];
    } catch (SQLException | RuntimeException e) {
      set(false, null, "does not answer");
      if (LOG.isDebugEnabled()) {
        LOG.debug("replica {} check failed: {}", name, e.getMessage());
      }
      return;
    }
    if (!standby) {
      set(false, null, "is not a standby (not in recovery)");
      return;
    }
    replayed = position;
    long lag = primary.lagNanos(position, System.nanoTime());
    double seconds = lag / 1e9;
    boolean fresh = inRotation ? lag <= maxLagNanos : lag <= maxLagNanos / 2;
    set(fresh, seconds, fresh ? null : String.format(java.util.Locale.ROOT, "lags %.1f s behind the primary", seconds));
  }

  /** True when every connection of its pool is in use, so a wait for one says nothing of the replica. */
  boolean busy() {
    com.zaxxer.hikari.HikariPoolMXBean p = pool.getHikariPoolMXBean();
    return p != null && p.getActiveConnections() >= pool.getMaximumPoolSize();
  }

  /** Takes the replica out at once, as when it refused a connection; the next check may bring it back. */
  void failed(String why) {
    set(false, lagSeconds, why);
  }

  private void set(boolean in, Double lag, String why) {
    boolean was = inRotation;
    boolean first = !checked;
    checked = true;
    lagSeconds = lag;
    trouble = why;
    inRotation = in;
    if (was != in || first && !in) {
      if (in) {
        LOG.info("replica {} is back in rotation", name);
      } else {
        LOG.warn("replica {} is out of rotation: it {}", name, why);
      }
    }
  }

  /** True when it serves reads that need the primary's log replayed up to {@code seen}. */
  boolean serves(long seen) {
    return inRotation && replayed >= seen;
  }

  boolean inRotation() {
    return inRotation;
  }

  Replication.ReplicaState state() {
    return new Replication.ReplicaState(name, inRotation, lagSeconds, inRotation ? null : trouble, reads.sum());
  }

  @Override
  public void close() {
    pool.close();
    watch.close();
  }
}
