package org.civic311.server.command;

import java.util.List;

/**
 * Loads the heavy parts of the server (the SQLite native library, Jetty, Jackson, JDBI, the
 * pool) on a second thread while the main thread reads the configuration, so that a start on a
 * two-core machine answers sooner. Failures here are ignored: the real use reports them.
 */
final class WarmUp {
  private static final List<String> CLASSES = List.of(
      "org.eclipse.jetty.server.Server",
      "org.eclipse.jetty.server.ServerConnector",
      "org.eclipse.jetty.server.HttpConnectionFactory",
      "org.eclipse.jetty.util.thread.QueuedThreadPool",
      "org.jdbi.v3.core.Jdbi",
      "com.zaxxer.hikari.HikariDataSource",
      "com.fasterxml.jackson.core.JsonFactory",
      "org.civic311.georeport.DocumentWriter");

  private WarmUp() {}

  static void start() {
    Thread t = new Thread(WarmUp::run, "warm-up");
    t.setDaemon(true);
    t.start();
  }

  private static void run() {
    org.civic311.server.storage.sql.Database.warmUp();
    ClassLoader loader = WarmUp.class.getClassLoader();
    for (String name : CLASSES) {
      try {
        Class.forName(name, true, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        // Reported when the class is really used.
      }
    }
  }
}
