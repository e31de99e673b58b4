package org.civic311.server.web;

import org.civic311.server.domain.limits.Verdict;
import org.civic311.server.domain.limits.WriteLimits;

/**
 * The rate limits at the front door: a {@link WriteGate} for each kind of write, counting it
 * against {@link WriteLimits} by the client's address (the connection's, or the proxy's
 * {@code X-Forwarded-For} with {@code server.trust_forwarded_headers}) and, for the API, its
 * {@code api_key}. Every counted answer carries the IETF draft's {@code RateLimit-Limit},
 * {@code RateLimit-Remaining} and {@code RateLimit-Reset}; a refusal is a 429 with
 * {@code Retry-After}, rendered by the route's family. Page posts and sign-ins are counted before
 * their body is read; API writes once the body is read, because the key is usually in it.
 * Thread-safe.
 *
 * @see <a href="https://datatracker.ietf.org/doc/draft-ietf-httpapi-ratelimit-headers/">RateLimit header
 *     fields for HTTP</a>
 */
public final class WriteLimiter {
  private final WriteLimits limits;

  public WriteLimiter(WriteLimits limits) {
    this.limits = limits;
  }

  /** API writes (POST requests or servicerequestupdates), counted by address and {@code api_key}. */
  public WriteGate apiWrites() {
    return new Gate() {
      @Override
      public void afterBody(Exchange x) {
        judge(x, limits.apiWrite(x.client(), x.parameters().all("api_key")));
      }
    };
  }

  /** Posts on the residents' pages (report form, "me too", unsubscribe), counted by address. */
  public WriteGate pagePosts() {
    return new Gate() {
      @Override
      public void beforeBody(Exchange x) {
        judge(x, limits.pagePost(x.client()));
      }
    };
  }

  /** Staff sign-in attempts, counted by address. */
  public WriteGate signIns() {
    return new Gate() {
      @Override
      public void beforeBody(Exchange x) {
        judge(x, limits.signIn(x.client()));
      }
    };
  }

  private abstract static class Gate implements WriteGate {
    void judge(Exchange x, Verdict v) {
      x.verdict(v);
      if (!v.allowed()) {
        throw new Failure(429, v.message()).with("Retry-After", Long.toString(v.retryAfterSeconds()));
      }
    }

    @Override
    public Answer decorate(Exchange x, Answer a) {
      Verdict v = x.verdict();
      if (v == null) {
        return a;
      }
      a = a.withHeader("RateLimit-Limit", Long.toString(v.limit()))
          .withHeader("RateLimit-Remaining", Long.toString(v.remaining()))
          .withHeader("RateLimit-Reset", Long.toString(v.resetSeconds()));
      return v.allowed() ? a : a.withHeader("Retry-After", Long.toString(v.retryAfterSeconds()));
    }
  }
}
