package org.civic311.server.config;

/**
 * How often clients may write, counted as token buckets: each limit allows {@code burst} writes
 * at once and then {@code per_minute} a minute. On PostgreSQL every node counts against the same
 * buckets; on SQLite the one node counts in memory. Over a limit, a write is answered 429 with
 * {@code Retry-After}.
 *
 * @param apiKey        API writes (POST requests and servicerequestupdates) per API key
 *                      (default 60 a minute, burst 60). Staff may give a key its own limit.
 * @param apiAddress    API writes per client address (default 30 a minute, burst 30), so one
 *                      client of a shared app key cannot spend the whole key. Writes with a key
 *                      that has its own limit are counted against that limit only: such a key is
 *                      usually one server (the city's website) posting for many people.
 * @param pageAddress   posts on the residents' pages (report form, "me too", unsubscribe) per
 *                      client address (default 1 a minute, burst 10)
 * @param signInAddress staff sign-in attempts per client address (default 4 a minute, burst 20)
 */
public record LimitSettings(RateSettings apiKey, RateSettings apiAddress, RateSettings pageAddress,
    RateSettings signInAddress) {
  public static final RateSettings DEFAULT_API_KEY = new RateSettings(60, 60);
  public static final RateSettings DEFAULT_API_ADDRESS = new RateSettings(30, 30);
  public static final RateSettings DEFAULT_PAGE_ADDRESS = new RateSettings(1, 10);
  public static final RateSettings DEFAULT_SIGN_IN_ADDRESS = new RateSettings(4, 20);

  public LimitSettings {
    apiKey = filled(apiKey, DEFAULT_API_KEY);
    apiAddress = filled(apiAddress, DEFAULT_API_ADDRESS);
    pageAddress = filled(pageAddress, DEFAULT_PAGE_ADDRESS);
    signInAddress = filled(signInAddress, DEFAULT_SIGN_IN_ADDRESS);
  }

  /** The settings of a file with no {@code limits} section. */
  public static LimitSettings defaults() {
    return new LimitSettings(null, null, null, null);
  }

  private static RateSettings filled(RateSettings given, RateSettings defaults) {
    if (given == null) {
      return defaults;
    }
    return new RateSettings(given.perMinute() == null ? defaults.perMinute() : given.perMinute(),
        given.burst() == null ? defaults.burst() : given.burst());
  }
}
