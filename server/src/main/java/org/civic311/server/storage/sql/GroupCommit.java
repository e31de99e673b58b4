package org.civic311.server.storage.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Group commit for a database with one writer (SQLite): concurrent units of writing are queued,
 * and one writer thread runs whatever has gathered, up to {@link #MAX_BATCH} units, in a single
 * transaction, each inside its own savepoint so a failing unit is rolled back alone. Every
 * caller waits until the shared commit returns, so an answer still means "committed".
 *
 * <p>Why: on SQLite a commit's cost is mostly the pages it writes to the WAL, and rows inserted
 * together share index and full-text pages. Under load, units batch themselves; alone, a unit
 * commits at once, with no added wait.
 */
final class GroupCommit implements Writer {
  static final int MAX_BATCH = 256;
  private static final int QUEUE = 4096;

  private final Jdbi jdbi;
  private final BlockingQueue<Unit<?>> queue = new ArrayBlockingQueue<>(QUEUE);
  private final Thread thread;
  private volatile boolean closed;
  /** When the oldest unit of the batch being committed was queued (System.nanoTime), or 0 when idle. */
  private volatile long batchSince;
  private volatile DistributionSummary batchSizes;

  private record Unit<T>(HandleCallback<T, RuntimeException> work, CompletableFuture<T> done, long queuedAt) {
    void run(Handle h, List<Runnable> onCommit) {
      h.savepoint("unit");
      try {
        T result = work.withHandle(h);
        h.release("unit");
        onCommit.add(() -> done.complete(result));
      } catch (RuntimeException e) {
        h.rollbackToSavepoint("unit");
        done.completeExceptionally(e);
      }
    }
  }

  GroupCommit(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.thread = new Thread(this::loop, "sqlite-group-commit");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public <T> T inTransaction(HandleCallback<T, RuntimeException> work) {
    if (closed) {
      throw new IllegalStateException("the database is closed");
    }
    if (Thread.currentThread() == thread) {
      // A unit that queues another unit would wait for its own batch to commit, for ever.
      throw new IllegalStateException("a write inside a transaction must go through that transaction's stores");
    }
    Unit<T> unit = new Unit<>(work, new CompletableFuture<>(), System.nanoTime());
    try {
      if (!queue.offer(unit, 30, TimeUnit.SECONDS)) {
        throw new JdbiException("the write queue stayed full for 30 s") { };
      }
      return unit.done().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a commit", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private void loop() {
    List<Unit<?>> batch = new ArrayList<>(MAX_BATCH);
    while (!closed || !queue.isEmpty()) {
      try {
        Unit<?> first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        batchSince = first.queuedAt();
        DistributionSummary sizes = batchSizes;
        if (sizes != null) {
          sizes.record(batch.size());
        }
        commit(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        batchSince = 0;
        batch.clear();
      }
    }
  }

  private void commit(List<Unit<?>> batch) {
    List<Runnable> onCommit = new ArrayList<>(batch.size());
    try {
      jdbi.useTransaction(h -> {
        for (Unit<?> unit : batch) {
          unit.run(h, onCommit);
        }
      });
      // Nothing waits any more once the batch is done: cleared before the callers wake, so a
      // caller that sees its write committed never sees the writer still waiting on it.
      batchSince = 0;
      onCommit.forEach(Runnable::run);
    } catch (RuntimeException e) {
      batchSince = 0;
      for (Unit<?> unit : batch) {
        unit.done().completeExceptionally(e);
      }
    }
  }

  /**
   * How long the oldest write not yet committed has waited, in nanoseconds (0 when none waits):
   * the readiness probe's sign of a writer that is stuck.
   */
  long oldestWaitNanos() {
    long now = System.nanoTime();
    long since = batchSince;
    Unit<?> next = queue.peek();
    long oldest = since != 0 ? since : next != null ? next.queuedAt() : now;
    return Math.max(0, now - oldest);
  }

  /** Measures the size of every batch and the length of the queue from now on. */
  void meter(MeterRegistry registry) {
    batchSizes = DistributionSummary.builder("civic311.sqlite.group.commit.batch")
        .description("Units of writing committed together in one SQLite transaction")
        .baseUnit("writes")
        .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64, 128, 256)
        .register(registry);
    Gauge.builder("civic311.sqlite.group.commit.queued", queue, BlockingQueue::size)
        .description("Units of writing waiting for the SQLite writer")
        .register(registry);
    Gauge.builder("civic311.sqlite.group.commit.oldest.wait", this, g -> g.oldestWaitNanos() / 1e9)
        .description("How long the oldest uncommitted write has waited")
        .baseUnit("seconds")
        .register(registry);
  }

  @Override
  public void close() {
    closed = true;
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
