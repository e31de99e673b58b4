package org.civic311.server.testing;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real test server for a whole test class: register it as a static
 * {@code @RegisterExtension} field; it starts before the class's own {@code @BeforeAll}
 * methods and stops (deleting its database) after the last test.
 */
public final class RunningServer implements BeforeAllCallback, AfterAllCallback {
  private final TestConfig config;
  private ServerFixture fixture;

  public RunningServer(TestConfig config) {
    this.config = config;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    fixture = ServerFixture.start(config);
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    fixture.close();
  }

  public Http http() {
    return fixture.http();
  }

  public TestDatabase database() {
    return fixture.database();
  }

  public Connection connect() throws SQLException {
    return fixture.connect();
  }

  public ServerFixture fixture() {
    return fixture;
  }
}
