package org.civic311.server.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.civic311.server.config.Configuration;
import org.civic311.server.config.DatabaseSettings;
import org.civic311.server.config.LimitSettings;
import org.civic311.server.config.RateSettings;
import org.civic311.server.config.MediaSettings;
import org.civic311.server.media.FileMediaStore;
import org.civic311.server.media.MediaIntake;
import org.civic311.server.media.MediaLimits;
import org.civic311.server.media.MediaStore;
import org.civic311.server.config.ServerSettings;
import org.civic311.server.domain.ApiKeys;
import org.civic311.server.domain.Extensions;
import org.civic311.server.domain.Intake;
import org.civic311.server.domain.Jurisdictions;
import org.civic311.server.domain.RequestSearch;
import org.civic311.server.domain.opendata.Downloads;
import org.civic311.server.web.Cors;
import org.civic311.server.web.opendata.DownloadEndpoints;
import org.civic311.server.domain.Updates;
import org.civic311.server.domain.interop.Forwarder;
import org.civic311.server.domain.live.EventHub;
import org.civic311.server.domain.live.EventPublisher;
import org.civic311.server.web.live.EventStream;
import org.civic311.server.web.live.WebhookApi;
import org.civic311.server.domain.live.Targets;
import org.civic311.server.domain.live.WebhookSender;
import org.civic311.server.domain.live.Webhooks;
import org.civic311.server.domain.interop.Idempotency;
import org.civic311.server.domain.limits.WriteLimits;
import org.civic311.server.storage.RateLimit;
import org.civic311.server.storage.Transactions;
import org.civic311.server.storage.sql.Database;
import org.civic311.server.web.ApiSettings;
import org.civic311.server.web.GeoReportApi;
import org.civic311.server.web.MediaFiles;
import org.civic311.server.web.WebServer;
import org.civic311.server.web.WriteLimiter;
import org.civic311.server.web.Uploads;
import org.civic311.server.web.citizen.CitizenPages;
import org.civic311.server.web.feeds.FeedEndpoints;
import org.civic311.server.domain.feeds.Feeds;
import org.civic311.server.domain.opendata.DataCatalogue;
import org.civic311.server.web.opendata.CatalogueEndpoints;
import org.civic311.server.web.citizen.CitizenServices;
import org.civic311.server.web.citizen.Page;
import org.civic311.server.domain.citizen.Reporting;
import org.civic311.server.config.MailSettings;
import org.civic311.server.config.MapSettings;
import org.civic311.server.domain.citizen.Followers;
import org.civic311.server.domain.citizen.Mailer;
import org.civic311.server.domain.citizen.StatusMails;
import org.civic311.server.domain.citizen.StatusNotifier;
import org.civic311.server.mail.OutboxMailer;
import org.civic311.server.mail.SmtpMailer;
import org.civic311.server.domain.staff.AccountOffice;
import org.civic311.server.domain.staff.Accounts;
import org.civic311.server.domain.staff.AuditLog;
import org.civic311.server.domain.staff.Casework;
import org.civic311.server.domain.staff.CatalogueEditor;
import org.civic311.server.domain.staff.KeyOffice;
import org.civic311.server.domain.staff.Queue;
import org.civic311.server.domain.staff.Sessions;
import org.civic311.server.web.staff.Frame;
import org.civic311.server.web.staff.StaffPages;
import org.civic311.server.web.staff.StaffServices;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.civic311.server.config.AddressBlock;
import org.civic311.server.config.OperationsSettings;
import org.civic311.server.domain.health.Readiness;
import org.civic311.server.web.OperationsFamily;
import org.civic311.server.web.health.HealthEndpoints;
import org.civic311.server.web.metrics.MetricsEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running server: database migrated, configuration applied, API listening. Start with
 * {@link #start}; {@link #close} stops the web server and then the database. Used by the
 * {@code serve} command and, on port 0, by the HTTP tests.
 */
public final class Application implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Application.class);
  /** How long {@code /health/ready} waits for its checks; a probe usually gives up after a second or few. */
  static final long READY_DEADLINE_MILLIS = 2_000;
  /** How soon a node reads the event log again after finding nothing new (the wake of every node). */
  static final long EVENT_POLL_MILLIS = 100;
  /** How often an idle event stream gets a comment, below common proxies' idle limits. */
  static final long EVENT_HEARTBEAT_MILLIS = 15_000;
  /** How often a node looks for webhooks with events due. */
  static final long WEBHOOK_POLL_MILLIS = 250;

  private final Database database;
  private final WebServer web;
  private final Jurisdictions jurisdictions;
  private final ScheduledExecutorService refresher;
  private final Followers followers;
  private final ScheduledExecutorService mailing;
  private final ScheduledExecutorService upkeep;
  private final Readiness readiness;
  private final Meters meters;
  private final ScheduledExecutorService forwarding;
  private EventHub events;
  private WebhookSender webhooks;
  private ScheduledExecutorService mirroring;

  private Application(Database database, WebServer web, Jurisdictions jurisdictions,
      ScheduledExecutorService refresher, Followers followers, ScheduledExecutorService mailing,
      ScheduledExecutorService upkeep, Readiness readiness, Meters meters, ScheduledExecutorService forwarding) {
    this.database = database;
    this.web = web;
    this.jurisdictions = jurisdictions;
    this.refresher = refresher;
    this.followers = followers;
    this.mailing = mailing;
    this.upkeep = upkeep;
    this.readiness = readiness;
    this.meters = meters;
    this.forwarding = forwarding;
  }

  /** Opens and migrates the database, applies the configuration and starts listening. */
  public static Application start(Configuration config, String host) throws Exception {
    Clock clock = Clock.systemUTC();
    Database database = openMigrated(config.database(), true);
    OperationsSettings ops = config.operations();
    Meters meters = ops.metrics() ? Meters.start() : null;
    Readiness readiness = new Readiness(database.probes(Duration.ofSeconds(ops.writerStuckSeconds())),
        READY_DEADLINE_MILLIS);
    EventHub closeOnFailure = null;
    try {
      if (meters != null) {
        database.meter(meters.registry());
      }
      ApiKeys keys = new ApiKeys(database.apiKeys(), clock);
      int changed = CatalogueSync.apply(config, database.catalogue(), keys, clock.millis());
      if (changed > 0) {
        LOG.info("catalogue changed in {} jurisdiction(s); discovery changeset moved", changed);
      }
      Jurisdictions jurisdictions = new Jurisdictions(database.catalogue());
      Followers followers = new Followers(database.followers(), clock);
      Mailer mailer = mailer(config.mail(), clock);
      ServerSettings s = config.server();
      MediaSettings m = config.media();
      long maxMultipart = s.maxBodyBytes() + m.maxFiles() * (m.maxBytes() + 4096);
      ApiSettings api = new ApiSettings(s.basePath(), s.publicUrl(), s.maxBodyBytes(), s.contact(), s.keyService(),
          s.endpointType(), s.corsOrigins(), maxMultipart, Upstreams.mirrorSources(config));
      MediaStore store = new FileMediaStore(Path.of(m.directory()));
      WriteLimits limits = writeLimits(config.limits(), keys, database);
      WriteLimiter limiter = new WriteLimiter(limits);
      var upstreams = Upstreams.of(config);
      org.civic311.server.domain.interop.Mirrors mirrors = Upstreams.mirrors(config, database, clock);
      Forwarder forwarder = Upstreams.forwarder(upstreams, database, clock, meters == null ? null : meters.registry());
      Intake intake = new Intake(jurisdictions, keys, database.requests(), clock, forwarder::upstreamOf,
          new org.civic311.server.domain.stats.ExpectedDates(database.stats(), clock));
      MediaIntake media = new MediaIntake(new MediaLimits(m.maxBytes(), m.maxFiles(),
          MediaLimits.DEFAULT.maxPixels()), store);
      Uploads uploads = new Uploads(media);
      Extensions extensions = new Extensions(database.updates(), database.requests(), database.outbox());
      RequestSearch search = new RequestSearch(jurisdictions, database.requests(), extensions, clock);
      GeoReportApi geoReport = new GeoReportApi(api, jurisdictions, keys, intake, search,
          new Updates(jurisdictions, keys, database.updates(), clock), uploads, limiter,
          new Idempotency(database.idempotency(), clock));
      StaffPages staff = staffPages(config, database, jurisdictions, keys, limiter, clock, forwarder, mirrors);
      MapSettings map = config.map();
      CitizenPages citizen = new CitizenPages(new CitizenServices(intake,
          new Reporting(jurisdictions, database.requests(), database.updates(), clock), followers,
          uploads, api,
          new Page.MapSettingsView(map.tileUrl(), map.attribution(), map.centerLat(), map.centerLon(), map.zoom()),
          limiter), map.tileOrigin());
      DownloadEndpoints downloads = new DownloadEndpoints(new Downloads(search, database.requests(),
          database.updates(), extensions), new Cors(api.corsOrigins()), clock);
      OperationsFamily operations = new OperationsFamily();
      java.util.List<AddressBlock> allowed = ops.metricsAllow().stream().map(AddressBlock::parse).toList();
      MetricsEndpoint metrics = meters == null ? null : new MetricsEndpoint(meters.registry(),
          client -> allowed.stream().anyMatch(block -> block.contains(client)),
          ops.metricsToken(), operations);
      EventHub events = new EventHub(database.events(),
          new EventPublisher(jurisdictions, database.requests(), database.updates()), EVENT_POLL_MILLIS,
          EVENT_HEARTBEAT_MILLIS, config.live().maxStreams());
      closeOnFailure = events;
      Targets targets = new Targets(config.live().webhooksAllowPrivate());
      Webhooks webhooks = new Webhooks(jurisdictions, keys, search, database.webhooks(), database.events(), targets,
          clock);
      WebhookSender sender = new WebhookSender(database.webhooks(), database.events(),
          new EventPublisher(jurisdictions, database.requests(), database.updates()), webhooks, targets, clock);
      WebServer web = new WebServer(host, s.port(), Doors.frontDoor(api, config.traffic(), geoReport, citizen, staff,
          new MediaFiles(store), downloads, new FeedEndpoints(new Feeds(jurisdictions, search), api),
          new CatalogueEndpoints(new DataCatalogue(jurisdictions, search, OpenDataTerms.of(config)), api),
          new HealthEndpoints(readiness, operations, database.replication()), metrics,
          meters == null ? null : meters.registry(), database.replication(),
          statistics(database, jurisdictions, api, map, clock),
          new EventStream(events, search, config.live().maxStreams()),
          new WebhookApi(webhooks, sender, database.webhooks())),
          s.trustForwardedHeaders(), Doors.guard(config.traffic()));
      web.start();
      ScheduledExecutorService mailing = statusMails(config, database, mailer, web.port(),
          meters == null ? Meters.none() : meters.registry());
      ScheduledExecutorService refresher = refresher(jurisdictions, s.catalogueRefreshSeconds());
      BucketSweep.schedule(refresher, limits);
      Application app = new Application(database, web, jurisdictions, refresher, followers, mailing,
          IndexUpkeep.start(database), readiness, meters,
          Upstreams.start(forwarder, Upstreams.puller(upstreams, database, clock)));
      app.events = events;
      app.webhooks = sender.start(WEBHOOK_POLL_MILLIS);
      app.mirroring = Upstreams.startMirrors(mirrors);
      return app;
    } catch (Exception | Error e) {
      if (closeOnFailure != null) {
        closeOnFailure.close();
      }
      readiness.close();
      if (meters != null) {
        meters.close();
      }
      database.close();
      throw e;
    }
  }

  /** The statistics' routes, reading the rollups the database keeps. */
  private static org.civic311.server.web.stats.StatsEndpoints statistics(Database database,
      Jurisdictions jurisdictions, ApiSettings api, MapSettings map, Clock clock) {
    var stats = database.stats();
    var catalogue = database.catalogue();
    var filters = new org.civic311.server.domain.stats.StatsFilters(jurisdictions, catalogue::services, clock);
    return new org.civic311.server.web.stats.StatsEndpoints(
        new org.civic311.server.domain.stats.Statistics(stats, catalogue::services, clock), filters,
        new Cors(api.corsOrigins()),
        new Page.MapSettingsView(map.tileUrl(), map.attribution(), map.centerLat(), map.centerLon(), map.zoom()));
  }

  /** The configured limits on writes, counted in the database's buckets (shared on PostgreSQL). */
  private static WriteLimits writeLimits(LimitSettings l, ApiKeys keys, Database database) {
    WriteLimits.Defaults defaults = new WriteLimits.Defaults(rate(l.apiKey()), rate(l.apiAddress()),
        rate(l.pageAddress()), rate(l.signInAddress()));
    LOG.info("write limits: per API key {}; per address: API {}, pages {}, sign-in {}; buckets {}",
        defaults.apiKey(), defaults.apiAddress(), defaults.pageAddress(), defaults.signInAddress(),
        database.dialectName().equals("sqlite") ? "in memory (one node)" : "shared in the database");
    return new WriteLimits(defaults, keys, database.rateBuckets());
  }

  private static RateLimit rate(RateSettings r) {
    return new RateLimit(r.perMinute(), r.burst());
  }

  private static StaffPages staffPages(Configuration config, Database database, Jurisdictions jurisdictions,
      ApiKeys keys, WriteLimiter limiter, Clock clock, Forwarder forwarder,
      org.civic311.server.domain.interop.Mirrors mirrors) {
    AuditLog audit = new AuditLog(database.audit(), clock);
    Transactions transactions = database.transactions();
    Accounts accounts = new Accounts(database.staff(), clock);
    MapSettings map = config.map();
    StaffServices services = new StaffServices(accounts,
        new AccountOffice(database.staff(), transactions, audit, clock),
        new Sessions(database.staff(), accounts, clock),
        new Queue(jurisdictions, database.requests(), clock),
        new Casework(jurisdictions, database.requests(), database.updates(), database.casework(),
            database.catalogue(), transactions, audit, clock),
        new KeyOffice(keys, jurisdictions, transactions, audit, rate(config.limits().apiKey())),
        new CatalogueEditor(jurisdictions, database.catalogue(), database.casework(), transactions, audit, clock),
        audit,
        new Frame.MapView(map.tileUrl(), map.attribution(), map.centerLat(), map.centerLon(), map.zoom()),
        limiter, new org.civic311.server.domain.interop.Outbox(database.outbox(), clock, forwarder::states), mirrors);
    return new StaffPages(services, map.tileOrigin());
  }

  /**
   * Other nodes may change the catalogue in the shared database; each node looks for a moved
   * changeset every few seconds, so every node follows within that time.
   */
  private static ScheduledExecutorService refresher(Jurisdictions jurisdictions, int seconds) {
    ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "catalogue-refresh");
      t.setDaemon(true);
      return t;
    });
    refresher.scheduleWithFixedDelay(() -> {
      try {
        if (jurisdictions.refreshIfChanged()) {
          LOG.info("catalogue changed in the database; reloaded");
        }
      } catch (RuntimeException e) {
        LOG.warn("catalogue refresh failed: {}", e.getMessage());
      }
    }, seconds, seconds, TimeUnit.SECONDS);
    return refresher;
  }

  private static Mailer mailer(MailSettings m, Clock clock) {
    if (m.smtp()) {
      LOG.info("status mails go to SMTP server {}:{}", m.smtpHost(), m.smtpPort());
      return new SmtpMailer(m.from(), m.smtpHost(), m.smtpPort(), m.smtpUsername(), m.smtpPassword(),
          m.smtpStarttls());
    }
    OutboxMailer outbox = new OutboxMailer(Path.of(m.outbox()), m.from(), clock);
    LOG.info("status mails are written to {} (no mail.smtp_host)", outbox.folder());
    return outbox;
  }

  /**
   * Every node looks for status changes to mail about; the cursor in the database makes them take
   * turns (see {@link StatusNotifier}). A thread of its own, so a slow mail server never delays
   * the catalogue refresh.
   */
  private static ScheduledExecutorService statusMails(Configuration config, Database database, Mailer mailer,
      int port, MeterRegistry registry) {
    MailMeters counted = new MailMeters(registry);
    MailSettings m = config.mail();
    StatusNotifier notifier = new StatusNotifier(database.followers(), database.requests(),
        new StatusMails(m.linkBase(config.server(), port)), mailer, Clock.systemUTC());
    ScheduledExecutorService mailing = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "status-mail");
      t.setDaemon(true);
      return t;
    });
    mailing.scheduleWithFixedDelay(() -> {
      try {
        for (StatusNotifier.Pass p : notifier.catchUp()) {
          counted.pass(p);
          switch (p.outcome()) {
            case SENT -> {
              if (p.sent() + p.refused() > 0) {
                LOG.info("status mails: {} sent, {} refused, for {} update(s)", p.sent(), p.refused(), p.updates());
              }
            }
            case MAILER_FAILED -> LOG.warn("status mails: {} sent, then the mailer failed; the rest will be"
                + " retried: {}", p.sent(), p.failure());
            case MAILER_FAILED_AND_LOST -> LOG.error("status mails: {} sent, then the mailer failed and another"
                + " node had moved on; {} mail(s) lost: {}", p.sent(), p.lost(), p.failure());
            default -> LOG.debug("status mails: {} update(s) taken by another node", p.updates());
          }
        }
        counted.passed();
      } catch (RuntimeException e) {
        counted.failed();
        LOG.warn("status mails: pass failed: {}", e.getMessage());
      }
    }, m.pollSeconds(), m.pollSeconds(), TimeUnit.SECONDS);
    return mailing;
  }

  /**
   * Opens and migrates the database and applies the configuration's jurisdictions, catalogues
   * and keys to it, without serving; for commands that work on the data.
   */
  public static Database openConfigured(Configuration config) {
    Database database = openMigrated(config.database());
    try {
      Clock clock = Clock.systemUTC();
      CatalogueSync.apply(config, database.catalogue(), new ApiKeys(database.apiKeys(), clock), clock.millis());
      return database;
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /** The bulk downloads over an open database, for commands that export without serving. */
  public static Downloads downloads(Database database) {
    Extensions extensions = new Extensions(database.updates(), database.requests(), database.outbox());
    RequestSearch search = new RequestSearch(new Jurisdictions(database.catalogue()), database.requests(), extensions,
        Clock.systemUTC());
    return new Downloads(search, database.requests(), database.updates(), extensions);
  }

  /** Opens a database and brings its schema up to date. */
  public static Database openMigrated(DatabaseSettings settings) {
    return openMigrated(settings, false);
  }

  /** Opens a database, with its replicas when serving, and brings its schema up to date. */
  private static Database openMigrated(DatabaseSettings settings, boolean withReplicas) {
    Database database = withReplicas ? Replicas.open(settings)
        : Database.open(settings.url(), settings.user(), settings.password());
    try {
      int ran = database.migrate();
      if (ran > 0) {
        LOG.info("applied {} database migration(s) to {}", ran, settings.url());
      }
      return database;
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /**
   * For the bundled demo only: makes sure an administrator exists with a published password, so
   * the back office can be tried at once. Does nothing when any staff account exists.
   *
   * @return true when it created the account
   */
  public boolean ensureDemoAdministrator(String username, String password) {
    if (!database.staff().users().isEmpty()) {
      return false;
    }
    new Accounts(database.staff(), Clock.systemUTC()).create(username, "Demo administrator", password,
        "administrator", java.util.List.of());
    return true;
  }

  /**
   * For the bundled demo only: stores its past requests (see {@link DemoHistory}) in
   * {@code jurisdiction} unless they are there already; null when they were.
   */
  public org.civic311.server.domain.imports.Importer.Summary loadDemoHistory(String jurisdiction) {
    var summary = DemoHistory.load(database.imports(), jurisdiction, java.time.Instant.now());
    if (summary != null) {
      jurisdictions.reload();
    }
    return summary;
  }

  public int port() {
    return web.port();
  }

  /** Every method and path the server answers, in the order of its route table. */
  public java.util.List<org.civic311.server.web.Routes.Listing> routes() {
    return web.door().routes().listing();
  }

  public Jurisdictions jurisdictions() {
    return jurisdictions;
  }

  /** Following requests by mail, for the citizen pages and tests. */
  public Followers followers() {
    return followers;
  }

  public void join() throws InterruptedException {
    web.join();
  }

  @Override
  public void close() throws Exception {
    refresher.shutdownNow();
    // A pass in progress finishes first, so it does not meet a closed database.
    mailing.shutdown();
    if (!mailing.awaitTermination(5, TimeUnit.SECONDS)) {
      mailing.shutdownNow();
    }
    // Index upkeep stops between two of its short steps.
    upkeep.shutdownNow();
    upkeep.awaitTermination(5, TimeUnit.SECONDS);
    // A send in progress finishes (its lease covers it if it does not); the outbox keeps the rest.
    forwarding.shutdown();
    if (!forwarding.awaitTermination(5, TimeUnit.SECONDS)) {
      forwarding.shutdownNow();
    }
    // A harvest stops between calls; its committed batches stay, and the next start goes on.
    mirroring.shutdownNow();
    mirroring.awaitTermination(5, TimeUnit.SECONDS);
    try {
      if (webhooks != null) {
        webhooks.close();
      }
      if (events != null) {
        events.close();
      }
      web.stop();
    } finally {
      readiness.close();
      if (meters != null) {
        meters.close();
      }
      database.close();
    }
  }
}
