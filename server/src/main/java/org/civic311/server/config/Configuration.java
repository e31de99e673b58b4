package org.civic311.server.config;

import java.util.List;

/**
 * The whole configuration file: server settings, the database, photos, maps, mail, traffic
 * limits, rate limits, operations (metrics, readiness), and the jurisdictions with their catalogues and API keys. Built only by
 * {@link ConfigurationLoader}, which validates it; frozen afterwards.
 */
public record Configuration(
    ServerSettings server, DatabaseSettings database, MediaSettings media, List<JurisdictionSettings> jurisdictions,
    MapSettings map, MailSettings mail, TrafficSettings traffic, LimitSettings limits,
    OperationsSettings operations, LiveSettings live) {
  public Configuration {
    live = live == null ? LiveSettings.defaults() : live;
    operations = operations == null ? OperationsSettings.defaults() : operations;
    traffic = traffic == null ? TrafficSettings.defaults() : traffic;
    limits = limits == null ? LimitSettings.defaults() : limits;
    mail = mail == null ? MailSettings.defaults() : mail;
    map = map == null ? new MapSettings(null, null, null, null, null) : map;
    media = media == null ? new MediaSettings(null, null, null) : media;
    server = server == null ? ServerSettings.defaults() : server;
    database = database == null ? new DatabaseSettings(null, null, null) : database;
    jurisdictions = jurisdictions == null ? List.of() : List.copyOf(jurisdictions);
  }

  public Configuration(ServerSettings server, DatabaseSettings database, MediaSettings media,
      List<JurisdictionSettings> jurisdictions, MapSettings map, MailSettings mail, TrafficSettings traffic,
      LimitSettings limits, OperationsSettings operations) {
    this(server, database, media, jurisdictions, map, mail, traffic, limits, operations, null);
  }

  /** A copy with other live-event settings (streams, webhooks). */
  public Configuration withLive(LiveSettings live) {
    return new Configuration(server, database, media, jurisdictions, map, mail, traffic, limits, operations, live);
  }

  public Configuration(ServerSettings server, DatabaseSettings database, MediaSettings media,
      List<JurisdictionSettings> jurisdictions, MapSettings map, MailSettings mail, TrafficSettings traffic,
      LimitSettings limits) {
    this(server, database, media, jurisdictions, map, mail, traffic, limits, null);
  }

  public Configuration(ServerSettings server, DatabaseSettings database, MediaSettings media,
      List<JurisdictionSettings> jurisdictions, MapSettings map, MailSettings mail) {
    this(server, database, media, jurisdictions, map, mail, null, null);
  }

  public Configuration(ServerSettings server, DatabaseSettings database, MediaSettings media,
      List<JurisdictionSettings> jurisdictions) {
    this(server, database, media, jurisdictions, null, null, null, null);
  }

  public Configuration(ServerSettings server, DatabaseSettings database, MediaSettings media,
      List<JurisdictionSettings> jurisdictions, MapSettings map) {
    this(server, database, media, jurisdictions, map, null, null, null);
  }

  /** A copy listening on another port. */
  public Configuration withPort(int port) {
    ServerSettings s = server;
    return new Configuration(
        new ServerSettings(port, s.basePath(), s.publicUrl(), s.maxBodyBytes(), s.contact(), s.keyService(),
            s.endpointType(), s.corsOrigins(), s.catalogueRefreshSeconds(), s.trustForwardedHeaders(), s.host()),
        database, media, jurisdictions, map, mail, traffic, limits, operations, live);
  }

  /** A copy keeping photos elsewhere. */
  public Configuration withMedia(MediaSettings media) {
    return new Configuration(server, database, media, jurisdictions, map, mail, traffic, limits, operations, live);
  }

  /** A copy sending status mails with other settings. */
  public Configuration withMail(MailSettings mail) {
    return new Configuration(server, database, media, jurisdictions, map, mail, traffic, limits, operations, live);
  }

  /** A copy using another database. */
  public Configuration withDatabase(DatabaseSettings database) {
    return new Configuration(server, database, media, jurisdictions, map, mail, traffic, limits, operations, live);
  }

  /** A copy with other traffic limits. */
  public Configuration withTraffic(TrafficSettings traffic) {
    return new Configuration(server, database, media, jurisdictions, map, mail, traffic, limits, operations, live);
  }

  /** A copy with other operations settings (metrics, readiness). */
  public Configuration withOperations(OperationsSettings operations) {
    return new Configuration(server, database, media, jurisdictions, map, mail, traffic, limits, operations, live);
  }

  /** A copy with other rate limits. */
  public Configuration withLimits(LimitSettings limits) {
    return new Configuration(server, database, media, jurisdictions, map, mail, traffic, limits, operations, live);
  }
}
