package org.civic311.server.web.staff;

import org.civic311.server.web.AddressLimit;

/**
 * Limits sign-in attempts per client address on this node: at most {@value #LIMIT} in
 * {@value #WINDOW_SECONDS} seconds. The per-account lock in the database (see
 * {@code Accounts}) is what stops a guesser spread over many nodes or addresses; this stops one
 * address from trying many accounts.
 */
final class SignInThrottle {
  static final int LIMIT = 20;
  static final int WINDOW_SECONDS = 300;
  private final AddressLimit limit = new AddressLimit(LIMIT, WINDOW_SECONDS);

  /** Records an attempt; false when the address is over its limit. */
  boolean allow(String address, long now) {
    return limit.allow(address, now);
  }
}
