package org.civic311.server.testing;

import org.civic311.server.app.Application;
import org.civic311.server.config.Configuration;
import org.civic311.server.config.ConfigurationLoader;

/**
 * Two server nodes on two ports over one fresh PostgreSQL database, as behind a load balancer.
 * Close it to stop both and drop the database.
 */
public final class TwoNodes implements AutoCloseable {
  public final TestDatabase db;
  public final Application one;
  public final Application two;
  /** A client of each node. */
  public final Http a;
  public final Http b;

  private TwoNodes(TestDatabase db, Application one, Application two) {
    this.db = db;
    this.one = one;
    this.two = two;
    this.a = new Http(one.port());
    this.b = new Http(two.port());
  }

  public static TwoNodes start(TestConfig config) throws Exception {
    TestDatabase db = TestDatabase.fresh();
    Configuration c = ConfigurationLoader.validate(config.build(db.settings()), "test");
    Application one = Application.start(c, "127.0.0.1");
    return new TwoNodes(db, one, Application.start(c, "127.0.0.1"));
  }

  @Override
  public void close() throws Exception {
    one.close();
    two.close();
    db.close();
  }
}
