package org.civic311.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.civic311.server.app.Application;
import org.civic311.server.config.Configuration;
import org.civic311.server.config.ConfigurationLoader;

/**
 * A real server on a free port over a fresh SQLite file in a temporary folder. Close it to stop
 * the server and delete the folder.
 */
public final class ServerFixture implements AutoCloseable {
  private final Path folder;
  private final Application app;
  private final Http http;
  private final String databaseUrl;

  private ServerFixture(Path folder, Application app, String databaseUrl) {
    this.folder = folder;
    this.app = app;
    this.http = new Http(app.port());
    this.databaseUrl = databaseUrl;
  }

  public static ServerFixture start(TestConfig config) {
    try {
      Path folder = Files.createTempDirectory("civic311-test");
      String url = "jdbc:sqlite:" + folder.resolve("test.db");
      Configuration c = ConfigurationLoader.validate(config.build(url), "test configuration");
      return new ServerFixture(folder, Application.start(c, "127.0.0.1"), url);
    } catch (Exception e) {
      throw new IllegalStateException("test server did not start", e);
    }
  }

  public Http http() {
    return http;
  }

  public String databaseUrl() {
    return databaseUrl;
  }

  public Application app() {
    return app;
  }

  @Override
  public void close() throws Exception {
    app.close();
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
