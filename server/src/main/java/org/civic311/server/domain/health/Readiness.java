package org.civic311.server.domain.health;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.civic311.server.storage.Probe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the readiness checks and says whether the node can serve. Every call runs the checks
 * afresh, so a probe sees the state of now; but a check still running from an earlier call
 * (a database that does not answer) is joined, not started again, so a probe polling every
 * second cannot pile up threads or connections. A check that has not answered within the
 * deadline counts as failed. Thread-safe.
 */
public final class Readiness implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);

  /** One check's result: its name, and null or what is wrong. */
  public record Check(String name, String trouble) {
    public boolean up() {
      return trouble == null;
    }
  }

  /** The result of all checks. */
  public record Report(List<Check> checks) {
    public boolean up() {
      return checks.stream().allMatch(Check::up);
    }
  }

  private final List<Probe> probes;
  private final long deadlineMillis;
  private final ExecutorService threads;
  private final List<CompletableFuture<String>> running;
  private volatile boolean wasUp = true;

  public Readiness(List<Probe> probes, long deadlineMillis) {
    this.probes = List.copyOf(probes);
    this.deadlineMillis = deadlineMillis;
    this.threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "readiness-check");
      t.setDaemon(true);
      return t;
    });
    this.running = new ArrayList<>(probes.size());
    for (int i = 0; i < probes.size(); i++) {
      running.add(null);
    }
  }

  public Report check() {
    List<CompletableFuture<String>> now = new ArrayList<>(probes.size());
    synchronized (running) {
      for (int i = 0; i < probes.size(); i++) {
        CompletableFuture<String> f = running.get(i);
        if (f == null || f.isDone()) {
          Probe p = probes.get(i);
          f = CompletableFuture.supplyAsync(p::trouble, threads);
          running.set(i, f);
        }
        now.add(f);
      }
    }
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(deadlineMillis);
    List<Check> checks = new ArrayList<>(probes.size());
    for (int i = 0; i < probes.size(); i++) {
      checks.add(new Check(probes.get(i).name(), outcome(now.get(i), end)));
    }
    Report report = new Report(List.copyOf(checks));
    boolean up = report.up();
    if (up != wasUp) {
      wasUp = up;
      if (up) {
        LOG.info("ready again: every check passes");
      } else {
        LOG.warn("not ready: {}", report.checks().stream().filter(c -> !c.up())
            .map(c -> c.name() + ": " + c.trouble()).toList());
      }
    }
    return report;
  }

  private String outcome(CompletableFuture<String> f, long end) {
    try {
      return f.get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return "no answer within " + deadlineMillis + " ms";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      String message = cause.getMessage();
      return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }
}
