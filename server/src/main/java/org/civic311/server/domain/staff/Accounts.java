package org.civic311.server.domain.staff;

import org.civic311.server.domain.Wording;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.civic311.server.storage.StaffGrant;
import org.civic311.server.storage.StaffStore;
import org.civic311.server.storage.StaffUserRecord;

/**
 * Staff accounts: creating them, and signing in with throttling. After
 * {@value #FREE_FAILURES} wrong passwords in a row an account is locked for a minute, doubling
 * with each further failure up to {@value #MAX_LOCK_MINUTES} minutes; the lock is in the
 * database, so every node honours it. A right password during a lock is refused too.
 */
public final class Accounts {
  static final int FREE_FAILURES = 5;
  static final int MAX_LOCK_MINUTES = 15;
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,62}");

  private final StaffStore store;
  private final Clock clock;

  public Accounts(StaffStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** The outcome of a sign-in: the member, or why not. */
  public record SignIn(Optional<StaffMember> member, Wording problem) {}

  public SignIn signIn(String username, String password) {
    String name = username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
    Optional<StaffUserRecord> found = name.isEmpty() ? Optional.empty() : store.findUser(name);
    Wording wrong = Wording.of("signin.wrong");
    if (found.isEmpty() || password == null) {
      Passwords.spendTime(password == null ? "" : password);
      return new SignIn(Optional.empty(), wrong);
    }
    StaffUserRecord u = found.get();
    long now = clock.millis();
    if (u.lockedUntil() != null && u.lockedUntil() > now) {
      long minutes = Math.max(1, (u.lockedUntil() - now + 59_999) / 60_000);
      return new SignIn(Optional.empty(), Wording.of(minutes == 1 ? "signin.locked_one" : "signin.locked", minutes));
    }
    if (!Passwords.matches(password, u.passwordHash())) {
      int failures = u.failedLogins() + 1;
      Long lock = null;
      if (failures >= FREE_FAILURES) {
        long minutes = Math.min(MAX_LOCK_MINUTES, 1L << Math.min(10, failures - FREE_FAILURES));
        lock = now + minutes * 60_000;
      }
      store.recordFailedLogin(u.id(), failures, lock);
      return new SignIn(Optional.empty(), wrong);
    }
    if (!u.active()) {
      return new SignIn(Optional.empty(), Wording.of("signin.switched_off"));
    }
    store.recordGoodLogin(u.id());
    return new SignIn(Optional.of(StaffMember.of(u)), null);
  }

  /** A current member by id, if the account still exists and is active. */
  public Optional<StaffMember> member(long id) {
    return store.findUser(id).filter(StaffUserRecord::active).map(StaffMember::of);
  }

  /**
   * Creates an account, unaudited: for the {@code user create} command and the demo. The Accounts
   * page creates them through {@link AccountOffice}, which records who did.
   *
   * @throws InvalidInput naming each field at fault
   */
  public StaffUserRecord create(String username, String displayName, String password, String role,
      List<StaffGrant> grants) {
    NewAccount a = check(username, displayName, password, role, grants);
    return a.insertInto(store, clock.millis());
  }

  /** An account that passed its checks, its password already hashed (which is slow on purpose). */
  record NewAccount(String username, String displayName, String passwordHash, String role,
      List<StaffGrant> grants) {

    /** @throws InvalidInput when the username is taken */
    StaffUserRecord insertInto(StaffStore store, long now) {
      return store.insertUser(username, displayName, passwordHash, role, grants, now)
          .orElseThrow(() -> InvalidInput.of("username", "fault.username_taken"));
    }
  }

  /**
   * Checks a new account's fields and hashes its password.
   *
   * @throws InvalidInput naming each field at fault
   */
  static NewAccount check(String username, String displayName, String password, String role,
      List<StaffGrant> grants) {
    Map<String, Wording> faults = new LinkedHashMap<>();
    String name = username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
    if (!USERNAME.matcher(name).matches()) {
      faults.put("username", Wording.of("fault.username"));
    }
    String display = displayName == null || displayName.isBlank() ? name : displayName.trim();
    if (display.length() > 100) {
      faults.put("display_name", Wording.of("fault.display_name"));
    }
    Wording weakness = Passwords.weakness(password);
    if (weakness != null) {
      faults.put("password", weakness);
    }
    Optional<Role> r = Role.parse(role);
    if (r.isEmpty()) {
      faults.put("role", Wording.of("fault.role"));
    } else if (r.get() == Role.AGENT && grants.isEmpty()) {
      faults.put("grants", Wording.of("fault.grants"));
    }
    if (!faults.isEmpty()) {
      throw new InvalidInput(faults);
    }
    List<StaffGrant> kept = r.get() == Role.AGENT ? grants : List.of();
    return new NewAccount(name, display, Passwords.hash(password), r.get().wireName(), kept);
  }

  public List<StaffUserRecord> list() {
    return store.users();
  }

  /** Parses grants written as {@code jurisdiction} or {@code jurisdiction:agency}, one per line. */
  public static List<StaffGrant> parseGrants(String text) {
    List<StaffGrant> grants = new ArrayList<>();
    if (text == null) {
      return grants;
    }
    for (String line : text.split("[\\r\\n,]+")) {
      String t = line.trim();
      if (t.isEmpty()) {
        continue;
      }
      int colon = t.indexOf(':');
      grants.add(colon < 0 ? new StaffGrant(t, null)
          : new StaffGrant(t.substring(0, colon).trim(), t.substring(colon + 1).trim().isEmpty() ? null
              : t.substring(colon + 1).trim()));
    }
    return grants;
  }
}
