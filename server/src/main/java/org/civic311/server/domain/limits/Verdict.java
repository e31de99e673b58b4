package org.civic311.server.domain.limits;

/**
 * What a rate limit said about one write, in the terms of the IETF draft's {@code RateLimit-*}
 * headers: the bucket's size, what is left in it, and when it is full again; and, for a refused
 * write, when to try again.
 *
 * @param allowed           whether the write may go on
 * @param counted           whose budget this is: an API key's or a client address's
 * @param limit             the bucket's size (the burst)
 * @param perMinute         how many writes a minute the bucket gains back
 * @param remaining         writes left in the bucket now
 * @param resetSeconds      seconds until the bucket is full again
 * @param retryAfterSeconds for a refused write, seconds until one more is allowed (at least 1); else 0
 */
public record Verdict(boolean allowed, Counted counted, long limit, long perMinute, long remaining,
    long resetSeconds, long retryAfterSeconds) {

  /** Whose budget a verdict is about. */
  public enum Counted { KEY, ADDRESS }

  /** The verdict a client should hear of two limits that both counted the write: a refusal, else the tighter. */
  static Verdict tighter(Verdict a, Verdict b) {
    if (!a.allowed()) {
      return a;
    }
    if (!b.allowed()) {
      return b;
    }
    return b.remaining() < a.remaining() ? b : a;
  }

  /** Why a write was refused, for an API error document. */
  public String message() {
    String whose = counted == Counted.KEY ? "this api_key" : "your address";
    return "too many writes from " + whose + ": at most " + limit + " at once and " + perMinute
        + " a minute; try again in " + retryAfterSeconds + " second" + (retryAfterSeconds == 1 ? "" : "s");
  }
}
