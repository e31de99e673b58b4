package org.civic311.server.web;

import org.civic311.server.storage.LogPosition;
import org.civic311.server.storage.ReadScope;
import org.civic311.server.storage.Replication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a call's reads go when the database has replicas. A GET or HEAD of a family that reads
 * from replicas (the API, the residents' pages, downloads, feeds) may be served by a replica;
 * every other call, by the primary. A successful write tells its caller the primary's log
 * position after it, in a cookie for browsers and a header for programs; a read that brings the
 * position back (either) goes only to a replica that has replayed that far, else to the primary,
 * so a writer always reads its own writes. A caller that keeps neither may read a replica up to
 * its allowed lag behind. See docs/OPERATIONS.md.
 */
public final class ReadYourWrites {
  private static final Logger LOG = LoggerFactory.getLogger(ReadYourWrites.class);
  /** The cookie a writer's browser brings back. */
  public static final String COOKIE = "civic311_written";
  /** The header a write answers with, and a program may send back on its reads. */
  public static final String HEADER = "Civic311-Written";
  /** Long past any lag a replica in rotation may have; the cookie then only costs bytes. */
  static final long COOKIE_SECONDS = 600;
  /** Every read on the primary. */
  public static final ReadYourWrites NONE = new ReadYourWrites(Replication.NONE);

  private final Replication replication;

  public ReadYourWrites(Replication replication) {
    this.replication = replication;
  }

  /** The scope of a call's reads (of the route's family). */
  ReadScope scopeOf(Exchange x, Family family) {
    if (!replication.enabled() || !reads(x.method()) || !family.readsFromReplicas()) {
      return ReadScope.PRIMARY;
    }
    long seen = Math.max(LogPosition.parse(x.header(HEADER)).orElse(0), LogPosition.parse(x.cookie(COOKIE)).orElse(0));
    return ReadScope.replica(seen);
  }

  /** The answer of a write, with the primary's position after it when there are replicas. */
  Answer written(Exchange x, Answer a) {
    if (!replication.enabled() || reads(x.method()) || a.status() >= 400) {
      return a;
    }
    long position;
    try {
      position = replication.writePosition();
    } catch (RuntimeException e) {
      // The write is committed; only the writer's next reads may then find a replica behind.
      LOG.warn("no log position for the writer after {} {}: {}", x.method(), AccessLog.path(x), e.getMessage());
      return a;
    }
    String value = LogPosition.format(position);
    return a.withCookie(COOKIE + "=" + value + "; Path=/; Max-Age=" + COOKIE_SECONDS + "; HttpOnly; SameSite=Lax"
        + (x.secure() ? "; Secure" : "")).withHeader(HEADER, value);
  }

  private static boolean reads(String method) {
    return method.equals("GET") || method.equals("HEAD");
  }
}
