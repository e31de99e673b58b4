package org.civic311.bench;

import java.sql.Connection;
import java.sql.SQLException;
import org.civic311.server.app.Application;
import org.civic311.server.config.Configuration;
import org.civic311.server.config.ConfigurationLoader;
import org.civic311.server.config.DatabaseSettings;
import org.civic311.server.config.JurisdictionSettings;
import org.civic311.server.storage.sql.Database;
import org.sqlite.SQLiteConfig;

/**
 * A SQLite file holding the demo jurisdiction, prepared through the server's own code (so the
 * real migrations and catalogue apply), and raw JDBC connections to it with the server's pragmas.
 */
final class DemoDatabase {
  /** The columns the server's insert writes, in the server's order. */
  static final String INSERT = "INSERT INTO service_requests (jurisdiction_id, service_code, service_name,"
      + " status, description, agency_responsible, service_notice, requested_at, updated_at, expected_at, address,"
      + " address_id, zipcode, lat, lon, media_url, token, attributes, api_key_id, email, phone, first_name,"
      + " last_name, device_id, account_id)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, NULL, NULL, ?, ?, NULL, ?, '{}', NULL, NULL, NULL, NULL,"
      + " NULL, NULL, NULL)";

  private DemoDatabase() {}

  /** Migrates the file and stores the demo catalogue; returns the demo jurisdiction. */
  static JurisdictionSettings prepare(String file) {
    Configuration demo = ConfigurationLoader.demo()
        .withDatabase(new DatabaseSettings("jdbc:sqlite:" + file, null, null));
    try (Database ignored = Application.openConfigured(demo)) {
      return demo.jurisdictions().get(0);
    }
  }

  /** A connection with the pragmas of the server's SQLite pools (WAL, synchronous=NORMAL). */
  static Connection connect(String file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(10_000);
    config.enforceForeignKeys(true);
    return config.createConnection("jdbc:sqlite:" + file);
  }
}
