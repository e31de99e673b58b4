package org.civic311.server.domain.staff;

import org.civic311.server.domain.Wording;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id password hashes in their PHC string form ({@code $argon2id$v=19$m=...}). The
 * parameters follow OWASP's first recommended set (19 MiB, 2 passes, 1 lane): about 50 ms per
 * hash on one core here, cheap for a login and costly for a guesser. Thread-safe.
 */
public final class Passwords {
  /** The shortest password accepted. */
  public static final int MIN_LENGTH = 10;
  private static final Argon2PasswordEncoder ENCODER = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
  /** Compared against when the account does not exist, so a miss takes as long as a hit. */
  private static final String DECOY = ENCODER.encode("civic311-decoy-password");

  private Passwords() {}

  public static String hash(String password) {
    return ENCODER.encode(password);
  }

  public static boolean matches(String password, String hash) {
    try {
      return ENCODER.matches(password, hash);
    } catch (RuntimeException e) {
      return false;
    }
  }

  static void spendTime(String password) {
    ENCODER.matches(password, DECOY);
  }

  /** Why this password is not acceptable, or null when it is. */
  public static org.civic311.server.domain.Wording weakness(String password) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
      return org.civic311.server.domain.Wording.of("fault.password_short", MIN_LENGTH);
    }
    if (password.length() > 200) {
      return org.civic311.server.domain.Wording.of("fault.password_long");
    }
    return null;
  }
}
