package org.civic311.server.command;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Callable;
import org.civic311.server.app.Application;
import org.civic311.server.config.Configuration;
import org.civic311.server.config.JurisdictionSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs the server until it is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Migrate the database, load the configuration and serve the GeoReport API.")
final class ServeCommand implements Callable<Integer> {
  @Mixin
  ConfigOptions options;

  @Option(names = {"-p", "--port"}, paramLabel = "PORT",
      description = "TCP port, overriding the file (0 picks a free one). Default: 8080")
  Integer port;

  @Option(names = "--host", paramLabel = "ADDRESS",
      description = "Address to listen on, overriding the file (server.host). Default: 0.0.0.0 (every"
          + " interface); 127.0.0.1 for the bundled demo, whose administrator password is published.")
  String host;

  @Option(names = "--empty-demo",
      description = "With the bundled demo: start without its past requests (about 2,500 real ones from New"
          + " York's and six cities' 311 records, stored at the first start).")
  boolean emptyDemo;

  /** The demo's administrator; only ever created for the bundled demo configuration. */
  static final String DEMO_ADMIN = "demo-admin";
  static final String DEMO_PASSWORD = "demo-password";

  /** Where to listen, once {@link ConfigOptions#load()} has told whether this is the demo. */
  ListenAddress listenAddress(Configuration config) {
    return ListenAddress.choose(host, config, options.demo);
  }

  @Override
  public Integer call() throws Exception {
    Configuration config = options.load();
    if (port != null) {
      config = config.withPort(port);
    }
    ListenAddress listen = listenAddress(config);
    Application app = Application.start(config, listen.host());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        app.close();
      } catch (Exception e) {
        System.err.println("error while stopping: " + e.getMessage());
      }
    }, "shutdown"));
    long startedMs = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    String base = "http://localhost:" + app.port() + config.server().basePath();
    System.out.println("Civic311 is serving the GeoReport v2 API at " + base + "/discovery.xml (started in "
        + startedMs + " ms)");
    if (listen.demoLocked()) {
      System.out.println(listen.demoNotice());
    }
    System.out.println("Database: " + config.database().url());
    for (JurisdictionSettings j : config.jurisdictions()) {
      System.out.println("Jurisdiction " + j.id() + " (" + j.name() + "): " + j.services().size() + " services");
    }
    if (options.demo && !emptyDemo) {
      long t0 = System.nanoTime();
      var history = app.loadDemoHistory(config.jurisdictions().get(0).id());
      System.out.println("Demo history: " + (history != null
          ? history.added() + " past requests stored" : "its past requests are stored already")
          + " (" + (System.nanoTime() - t0) / 1_000_000 + " ms); --empty-demo starts without them");
    }
    if (options.demo) {
      String key = config.jurisdictions().get(0).apiKeys().get(0).key();
      System.out.println("This is the demo jurisdiction. Its API key is: " + key);
      System.out.println("Try: curl -d api_key=" + key + " -d service_code=S0361 -d lat=38.8977 -d long=-77.0365"
          + " -d 'description=Cracked sidewalk' " + base + "/requests.json");
      app.ensureDemoAdministrator(DEMO_ADMIN, DEMO_PASSWORD);
      System.out.println("Staff back office: http://localhost:" + app.port() + "/staff/ (demo sign-in: " + DEMO_ADMIN
          + " / " + DEMO_PASSWORD + "; with your own configuration, create accounts with 'user create')");
    }
    app.join();
    return 0;
  }
}
