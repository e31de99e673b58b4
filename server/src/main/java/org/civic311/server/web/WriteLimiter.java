package org.civic311.server.web;

import org.civic311.georeport.Parameters;
import org.civic311.server.domain.limits.Verdict;
import org.civic311.server.domain.limits.WriteLimits;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * The rate limits where writes come in: counts a write against {@link WriteLimits} by the
 * client's address (the connection's, or the proxy's {@code X-Forwarded-For} with
 * {@code server.trust_forwarded_headers}) and, for the API, its {@code api_key}; then puts the
 * IETF draft's {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset}
 * on the answer, whether the write goes on or not, and {@code Retry-After} when it does not.
 * The caller answers a refusal with a 429 in its own kind (a GeoReport error document, an error
 * page). Thread-safe.
 *
 * @see <a href="https://datatracker.ietf.org/doc/draft-ietf-httpapi-ratelimit-headers/">RateLimit header
 *     fields for HTTP</a>
 */
public final class WriteLimiter {
  private final WriteLimits limits;

  public WriteLimiter(WriteLimits limits) {
    this.limits = limits;
  }

  /** An API write (POST requests or servicerequestupdates), counted by address and {@code api_key}. */
  public Verdict api(Request request, Parameters parameters, Response response) {
    return told(limits.apiWrite(Request.getRemoteAddr(request), parameters.all("api_key")), response);
  }

  /** A post on the residents' pages (report form, "me too", unsubscribe), counted by address. */
  public Verdict page(Request request, Response response) {
    return told(limits.pagePost(Request.getRemoteAddr(request)), response);
  }

  /** A staff sign-in attempt, counted by address. */
  public Verdict signIn(Request request, Response response) {
    return told(limits.signIn(Request.getRemoteAddr(request)), response);
  }

  private static Verdict told(Verdict v, Response response) {
    HttpFields.Mutable h = response.getHeaders();
    h.put("RateLimit-Limit", Long.toString(v.limit()));
    h.put("RateLimit-Remaining", Long.toString(v.remaining()));
    h.put("RateLimit-Reset", Long.toString(v.resetSeconds()));
    if (!v.allowed()) {
      h.put(HttpHeader.RETRY_AFTER, Long.toString(v.retryAfterSeconds()));
    }
    return v;
  }
}
