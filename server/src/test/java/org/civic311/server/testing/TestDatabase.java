package org.civic311.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.civic311.server.config.DatabaseSettings;

/**
 * A fresh, empty database for one test server: a SQLite file in a temporary folder, or, when the
 * suite runs against PostgreSQL ({@code -Dcivic311.test.store=postgresql}, as the
 * {@code postgresql} Maven profile sets), a new PostgreSQL database cloned from a PostGIS-enabled
 * template. Closing it deletes it.
 *
 * <p>PostgreSQL is reached through {@code CIVIC311_TEST_POSTGRES_URL} (a JDBC URL of any existing
 * database, used to create and drop test databases), {@code CIVIC311_TEST_POSTGRES_USER} and
 * {@code CIVIC311_TEST_POSTGRES_PASSWORD}.
 */
public final class TestDatabase implements AutoCloseable {
  private static final String TEMPLATE = "civic311_test_template";
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static boolean templateReady;

  private final DatabaseSettings settings;
  private final Path folder;
  private final String pgName;

  private TestDatabase(DatabaseSettings settings, Path folder, String pgName) {
    this.settings = settings;
    this.folder = folder;
    this.pgName = pgName;
  }

  /** True when this run of the suite is against PostgreSQL. */
  public static boolean postgres() {
    return "postgresql".equals(System.getProperty("civic311.test.store", "sqlite").toLowerCase(Locale.ROOT));
  }

  public static TestDatabase fresh() {
    return postgres() ? freshPostgres() : freshSqlite();
  }

  private static TestDatabase freshSqlite() {
    try {
      Path folder = Files.createTempDirectory("civic311-test");
      return new TestDatabase(new DatabaseSettings("jdbc:sqlite:" + folder.resolve("test.db"), null, null), folder,
          null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static synchronized TestDatabase freshPostgres() {
    String name = "civic311_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    try (Connection admin = admin(); Statement s = admin.createStatement()) {
      if (!templateReady) {
        s.execute("DROP DATABASE IF EXISTS " + TEMPLATE + " WITH (FORCE)");
        s.execute("CREATE DATABASE " + TEMPLATE);
        try (Connection t = DriverManager.getConnection(urlOf(TEMPLATE), user(), password());
            Statement ts = t.createStatement()) {
          ts.execute("CREATE EXTENSION IF NOT EXISTS postgis");
        }
        templateReady = true;
      }
      s.execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a PostgreSQL test database: " + e.getMessage(), e);
    }
    return new TestDatabase(new DatabaseSettings(urlOf(name), user(), password()), null, name);
  }

  private static Connection admin() throws SQLException {
    return DriverManager.getConnection(adminUrl(), user(), password());
  }

  private static String adminUrl() {
    String url = System.getenv("CIVIC311_TEST_POSTGRES_URL");
    if (url == null) {
      throw new IllegalStateException("CIVIC311_TEST_POSTGRES_URL is not set; .ci/run sets it");
    }
    return url;
  }

  private static String urlOf(String database) {
    String admin = adminUrl();
    int slash = admin.lastIndexOf('/');
    int query = admin.indexOf('?', slash);
    return admin.substring(0, slash + 1) + database + (query < 0 ? "" : admin.substring(query));
  }

  private static String user() {
    return System.getenv().getOrDefault("CIVIC311_TEST_POSTGRES_USER", "postgres");
  }

  private static String password() {
    return System.getenv().getOrDefault("CIVIC311_TEST_POSTGRES_PASSWORD", "postgres");
  }

  public DatabaseSettings settings() {
    return settings;
  }

  /** A plain JDBC connection, for tests that look under the API. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(settings.url(), settings.user(), settings.password());
  }

  @Override
  public void close() {
    if (pgName != null) {
      try (Connection admin = admin(); Statement s = admin.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + pgName + " WITH (FORCE)");
      } catch (SQLException e) {
        throw new IllegalStateException("cannot drop " + pgName + ": " + e.getMessage(), e);
      }
    }
    if (folder != null) {
      try (Stream<Path> files = Files.walk(folder)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
