package org.civic311.server.storage;

/**
 * The token buckets of the rate limits, by name. On PostgreSQL they are rows that every node
 * shares, so a budget holds across nodes; on SQLite, which serves one node, they are kept in
 * memory. A bucket is made full on first use, and forgotten once it has been full again for a
 * while. Thread-safe.
 */
public interface RateBuckets {

  /**
   * Takes one token from the bucket called {@code name}, which follows {@code limit}. Callers
   * put the limit in the name, so that a changed limit starts a bucket of its own.
   *
   * @throws StorageException when the shared buckets cannot be reached
   */
  Take take(String name, RateLimit limit);

  /** Removes buckets that are full again and so hold nothing worth keeping; returns how many. */
  int removeIdle();

  /**
   * What taking a token found.
   *
   * @param taken         whether the token was there (the write may go on)
   * @param remaining     tokens left after this one
   * @param nanosToNext   when refused, how long until a token is there again; else 0
   * @param nanosToFull   how long until the bucket is full again
   */
  record Take(boolean taken, long remaining, long nanosToNext, long nanosToFull) {}
}
