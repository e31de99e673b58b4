package org.civic311.server.domain.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.civic311.server.storage.StaffSessionRecord;
import org.civic311.server.storage.StaffStore;

/**
 * Staff sessions, kept in the database so that any node serves any page. The cookie carries 32
 * random bytes; only their SHA-256 is stored, so a copy of the database signs nobody in. Each
 * session has its own CSRF token, which every form sends back.
 */
public final class Sessions {
  /** How long a session lasts after sign-in: a working day. */
  public static final long LIFETIME_MILLIS = 12L * 3600 * 1000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final StaffStore store;
  private final Accounts accounts;
  private final Clock clock;

  public Sessions(StaffStore store, Accounts accounts, Clock clock) {
    this.store = store;
    this.accounts = accounts;
    this.clock = clock;
  }

  /** A signed-in session: the member, the CSRF token of its forms, and the cookie value. */
  public record Session(StaffMember member, String csrfToken, String cookieValue) {}

  public Session start(StaffMember member) {
    String token = randomToken();
    String csrf = randomToken();
    long now = clock.millis();
    store.insertSession(new StaffSessionRecord(hash(token), member.id(), csrf, now, now + LIFETIME_MILLIS));
    return new Session(member, csrf, token);
  }

  /** The live session of a cookie value, if any; the account must still be active. */
  public Optional<Session> find(String cookieValue) {
    if (cookieValue == null || cookieValue.length() != 43) {
      return Optional.empty();
    }
    return store.findSession(hash(cookieValue), clock.millis())
        .flatMap(s -> accounts.member(s.userId()).map(m -> new Session(m, s.csrfToken(), cookieValue)));
  }

  public void end(String cookieValue) {
    if (cookieValue != null) {
      store.deleteSession(hash(cookieValue));
    }
  }

  /** Removes expired sessions; returns how many. */
  public int sweep() {
    return store.deleteExpiredSessions(clock.millis());
  }

  /** Compares a submitted CSRF token with the session's in constant time. */
  public static boolean csrfMatches(Session session, String submitted) {
    return submitted != null && MessageDigest.isEqual(session.csrfToken().getBytes(StandardCharsets.UTF_8),
        submitted.getBytes(StandardCharsets.UTF_8));
  }

  private static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
