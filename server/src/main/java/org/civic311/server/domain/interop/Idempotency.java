package org.civic311.server.domain.interop;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.civic311.server.domain.Refusal;
import org.civic311.server.storage.IdempotencyStore;

/**
 * Makes a POST carrying an {@code Idempotency-Key} safe to repeat: the first POST with a key
 * claims it (a unique key in the database, so of two at once only one goes on), and its
 * successful answer is kept for 24 hours and given again to every repeat with the same body.
 * The same key with another body is refused as a conflict. A POST that fails frees its key, so
 * a corrected retry can use it.
 */
public final class Idempotency {
  /** How long a key and its answer are kept. */
  public static final Duration LIFETIME = Duration.ofHours(24);
  /** The longest key accepted. */
  public static final int MAX_KEY = 255;
  private static final long WAIT_MILLIS = 10_000;
  private static final long SWEEP_MILLIS = 60_000;

  /** An answer as it was sent: status, content type and body. */
  public record Stored(int status, String contentType, byte[] body) {}

  /** An answer to give, and whether it is a replay of the first one. */
  public record Outcome(Stored answer, boolean replayed) {}

  private final IdempotencyStore store;
  private final Clock clock;
  private final AtomicLong lastSweep = new AtomicLong();

  public Idempotency(IdempotencyStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Runs {@code post} once for this key, API key and body, or gives the answer it gave before.
   *
   * @param bodyHash a digest of everything the POST sends (see {@link #digest})
   * @throws Refusal INVALID for a malformed key, CONFLICT for a key used with another body or still
   *     being processed by another POST
   */
  public Outcome once(String key, long apiKeyId, String bodyHash, Supplier<Stored> post) {
    if (key.isEmpty() || key.length() > MAX_KEY || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw Refusal.invalid("Idempotency-Key must be 1 to " + MAX_KEY + " visible ASCII characters");
    }
    sweep();
    String keyHash = digest(key);
    long deadline = clock.millis() + WAIT_MILLIS;
    while (true) {
      long now = clock.millis();
      if (store.claim(apiKeyId, keyHash, bodyHash, now)) {
        return new Outcome(run(apiKeyId, keyHash, post), false);
      }
      Optional<IdempotencyStore.Entry> found = store.find(apiKeyId, keyHash);
      if (found.isEmpty()) {
        continue; // freed between our claim and our look: claim again
      }
      IdempotencyStore.Entry e = found.get();
      if (e.createdAt() < now - LIFETIME.toMillis()) {
        store.expire(now - LIFETIME.toMillis());
        continue;
      }
      if (!e.bodyHash().equals(bodyHash)) {
        throw Refusal.conflict("Idempotency-Key was already used with a different request; use a new key");
      }
      if (!e.pending()) {
        return new Outcome(new Stored(e.status(), e.contentType(), e.body()), true);
      }
      if (now > deadline) {
        throw Refusal.conflict("a request with this Idempotency-Key is still being processed; retry later");
      }
      pause();
    }
  }

  private Stored run(long apiKeyId, String keyHash, Supplier<Stored> post) {
    Stored answer;
    try {
      answer = post.get();
    } catch (RuntimeException | Error e) {
      store.release(apiKeyId, keyHash);
      throw e;
    }
    if (answer.status() >= 200 && answer.status() < 300) {
      store.complete(apiKeyId, keyHash, answer.status(), answer.contentType(), answer.body());
    } else {
      store.release(apiKeyId, keyHash);
    }
    return answer;
  }

  private void sweep() {
    long now = clock.millis();
    long last = lastSweep.get();
    if (now - last > SWEEP_MILLIS && lastSweep.compareAndSet(last, now)) {
      store.expire(now - LIFETIME.toMillis());
    }
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Refusal.conflict("a request with this Idempotency-Key is still being processed; retry later");
    }
  }

  /** SHA-256 of the text, in hex. */
  public static String digest(String text) {
    return digest(text.getBytes(StandardCharsets.UTF_8));
  }

  /** SHA-256 of the bytes, in hex. */
  public static String digest(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
