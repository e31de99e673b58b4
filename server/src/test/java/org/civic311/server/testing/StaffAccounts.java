package org.civic311.server.testing;

import java.time.Clock;
import java.util.List;
import org.civic311.server.domain.staff.Accounts;
import org.civic311.server.storage.StaffGrant;
import org.civic311.server.storage.sql.Database;

/** Creates staff accounts straight in a test server's database, as the {@code user create} command does. */
public final class StaffAccounts {
  /** The password every account made here gets. */
  public static final String PASSWORD = "correct horse battery";

  private StaffAccounts() {}

  /** Creates an account; grants are {@code jurisdiction} or {@code jurisdiction:agency}. */
  public static void create(ServerFixture server, String username, String role, String... grants) {
    var s = server.database().settings();
    try (Database db = Database.open(s.url(), s.user(), s.password())) {
      List<StaffGrant> parsed = Accounts.parseGrants(String.join("\n", grants));
      new Accounts(db.staff(), Clock.systemUTC()).create(username, username, PASSWORD, role, parsed);
    }
  }
}
