package org.civic311.server.testing;

import java.sql.Connection;
import java.sql.DriverManager;
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
  private final String url;

  public Seeder(ServerFixture server) {
    this.url = server.databaseUrl();
    this.database = Database.open(url, null, null);
  }

  /** Stores an open request of {@code service} in {@link TestConfig#CITY} at {@code at}; returns its id. */
  public long request(String service, Instant at) {
    return request(TestConfig.CITY, service, at, "seeded");
  }

  public long request(String jurisdiction, String service, Instant at, String description) {
    return database.requests().insert(new NewRequest(jurisdiction, service, service + " name", description, null,
        null, at.toEpochMilli(), null, "1 Test St", null, null, 40.0, -74.0, null, null, Map.of(), null,
        new NewRequest.Reporter(null, null, null, null, null, null))).id();
  }

  /** Closes a request, as staff would. */
  public void close(long id) {
    try (Connection c = DriverManager.getConnection(url);
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
