package org.civic311.server.domain.citizen;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.civic311.server.storage.FollowerRecord;
import org.civic311.server.storage.FollowerStore;

/**
 * People who asked to hear by mail when a request's status changes, and their unsubscribe
 * tokens. The token is the only key to a follower: it is random, URL-safe, and never shown
 * anywhere but in that person's mails and pages. Thread-safe.
 */
public final class Followers {
  /** The languages mails are written in; the first is the fallback. */
  public static final java.util.List<String> LANGUAGES = java.util.List.of("en", "es");
  static final int MAX_EMAIL = 254;
  /**
   * Deliberately simple: one {@code @}, a dotted domain, nothing that could end or forge a mail
   * header. The real check is the mail arriving.
   */
  private static final Pattern EMAIL =
      Pattern.compile("[^@\\s<>(),;:\"\\[\\]\\\\]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{20,100}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final FollowerStore store;
  private final Clock clock;

  public Followers(FollowerStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Makes {@code email} a follower of the request, with mails in {@code locale}'s language
   * ({@code es}, {@code es-MX}: Spanish; anything else: English). Following again with the same
   * address returns the existing follower, so nobody gets a mail twice.
   *
   * @throws IllegalArgumentException when the address is not plausible; the message says why
   */
  public FollowerRecord follow(long requestId, String email, String locale) {
    String address = checkedEmail(email);
    for (FollowerRecord f : store.activeFollowers(requestId)) {
      if (f.email().equalsIgnoreCase(address)) {
        return f;
      }
    }
    return store.add(requestId, address, language(locale), newToken(), clock.millis());
  }

  /** Stops the mails of the follower with this token; false when the token is unknown or already used. */
  public boolean unsubscribe(String token) {
    return plausibleToken(token) && store.unsubscribe(token, clock.millis());
  }

  /** The follower with this token, unsubscribed or not. */
  public Optional<FollowerRecord> find(String token) {
    return plausibleToken(token) ? store.findByToken(token) : Optional.empty();
  }

  /** The language of mails for a locale such as {@code es-MX}: one of {@link #LANGUAGES}. */
  public static String language(String locale) {
    if (locale == null) {
      return LANGUAGES.get(0);
    }
    String lang = locale.trim().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
    return LANGUAGES.contains(lang) ? lang : LANGUAGES.get(0);
  }

  /**
   * Whether {@link #follow} takes this address (surrounding spaces aside); for forms that check
   * their fields before storing anything.
   */
  public static boolean acceptsEmail(String email) {
    String address = email == null ? "" : email.trim();
    return !address.isEmpty() && address.length() <= MAX_EMAIL && EMAIL.matcher(address).matches();
  }

  static String checkedEmail(String email) {
    String address = email == null ? "" : email.trim();
    if (address.isEmpty()) {
      throw new IllegalArgumentException("Give an email address, such as name@example.org.");
    }
    if (address.length() > MAX_EMAIL) {
      throw new IllegalArgumentException("An email address has at most " + MAX_EMAIL + " characters.");
    }
    if (!EMAIL.matcher(address).matches()) {
      throw new IllegalArgumentException("'" + address + "' is not an email address such as name@example.org.");
    }
    return address;
  }

  private static boolean plausibleToken(String token) {
    return token != null && TOKEN.matcher(token).matches();
  }

  /** 256 random bits: unguessable, and short enough for a link. */
  private static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
