package org.civic311.server.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import org.civic311.server.storage.NewRequest;
import org.civic311.server.storage.sql.Database;

/**
 * Puts requests with chosen times and statuses straight into a test server's database, for the
 * cases the API cannot create (old requests, closed ones). Close it when done.
 */
public final class Seeder implements AutoCloseable {
  private final Database database;
  private final ServerFixture server;

  public Seeder(ServerFixture server) {
    this.server = server;
    var s = server.database().settings();
    this.database = Database.open(s.url(), s.user(), s.password());
  }

  /** Stores an open request of {@code service} in {@link TestConfig#CITY} at {@code at}; returns its id. */
  public long request(String service, Instant at) {
    return request(TestConfig.CITY, service, at, "seeded");
  }

  public long request(String jurisdiction, String service, Instant at, String description) {
    return database.requests().insert(new NewRequest(jurisdiction, service, service + " name", description, null,
        null, at.toEpochMilli(), null, "1 Test St", null, null, 40.0, -74.0, null, null, Map.of(), null,
        new NewRequest.Reporter(null, null, null, null, null, null), "api", java.util.List.of())).id();
  }

  /** Closes a request, as staff would. */
  public void close(long id) {
    try (Connection c = server.connect();
        PreparedStatement s = c.prepareStatement("UPDATE service_requests SET status = 'closed' WHERE id = ?")) {
      s.setLong(1, id);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    database.close();
  }
}
