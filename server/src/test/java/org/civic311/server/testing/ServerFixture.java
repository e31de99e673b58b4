package org.civic311.server.testing;

import java.sql.Connection;
import java.sql.SQLException;
import org.civic311.server.app.Application;
import org.civic311.server.config.Configuration;
import org.civic311.server.config.ConfigurationLoader;

/**
 * A real server on a free port over a fresh database of the store under test (see
 * {@link TestDatabase}). Close it to stop the server and delete the database.
 */
public final class ServerFixture implements AutoCloseable {
  private final TestDatabase database;
  private final Application app;
  private final Http http;

  private ServerFixture(TestDatabase database, Application app) {
    this.database = database;
    this.app = app;
    this.http = new Http(app.port());
  }

  public static ServerFixture start(TestConfig config) {
    TestDatabase database = TestDatabase.fresh();
    try {
      Configuration c = ConfigurationLoader.validate(config.build(database.settings()), "test configuration");
      return new ServerFixture(database, Application.start(c, "127.0.0.1"));
    } catch (Exception e) {
      database.close();
      throw new IllegalStateException("test server did not start", e);
    }
  }

  public Http http() {
    return http;
  }

  public TestDatabase database() {
    return database;
  }

  /** A plain JDBC connection to the server's database. */
  public Connection connect() throws SQLException {
    return database.connect();
  }

  public Application app() {
    return app;
  }

  @Override
  public void close() throws Exception {
    try {
      app.close();
    } finally {
      database.close();
    }
  }
}
