/**
 * Rate limits on writes: API posts per key and per client address, residents' page posts and
 * staff sign-ins per address ({@link org.civic311.server.domain.limits.WriteLimits}), each
 * answered as a {@link org.civic311.server.domain.limits.Verdict}. The token buckets themselves
 * are a store ({@code storage.RateBuckets}); HTTP headers are the web layer's business.
 */
package org.civic311.server.domain.limits;
