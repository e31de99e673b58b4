package org.civic311.server.storage;

/**
 * Where the reads of the work on the current thread may be served. Outside any scope, and in
 * {@link #PRIMARY}, every read goes to the primary database, so background jobs and writing
 * calls always see the newest data. A reading call of a public page or the API enters a
 * {@link #replica} scope: its reads may then go to a replica that has replayed the primary's log
 * at least as far as {@link #seen()}, the position of the caller's own last write (0 when it made
 * none known to us).
 *
 * <p>A scope belongs to one thread. Work handed to another thread carries it explicitly:
 * {@code ReadScope carried = ReadScope.current();} there, {@code try (var in = carried.enter())}.
 */
public final class ReadScope {
  /** Every read on the primary. */
  public static final ReadScope PRIMARY = new ReadScope(false, 0);
  private static final ThreadLocal<ReadScope> CURRENT = new ThreadLocal<>();

  private final boolean replicas;
  private final long seen;

  private ReadScope(boolean replicas, long seen) {
    this.replicas = replicas;
    this.seen = seen;
  }

  /** Reads may go to a replica that has replayed at least {@code seen} (a log position; 0 for any). */
  public static ReadScope replica(long seen) {
    return new ReadScope(true, Math.max(0, seen));
  }

  /** The scope of the current thread; {@link #PRIMARY} when none was entered. */
  public static ReadScope current() {
    ReadScope s = CURRENT.get();
    return s == null ? PRIMARY : s;
  }

  /** True when reads may go to a replica at all. */
  public boolean replicas() {
    return replicas;
  }

  /** The log position a replica must have replayed to serve these reads. */
  public long seen() {
    return seen;
  }

  /** Makes this the current thread's scope until the returned handle is closed. */
  public Entered enter() {
    ReadScope outer = CURRENT.get();
    CURRENT.set(this);
    return () -> {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    };
  }

  /** A scope entered on a thread; closing it gives the thread back its earlier scope. */
  public interface Entered extends AutoCloseable {
    @Override
    void close();
  }

  @Override
  public String toString() {
    return replicas ? "replica(seen " + LogPosition.format(seen) + ")" : "primary";
  }
}
