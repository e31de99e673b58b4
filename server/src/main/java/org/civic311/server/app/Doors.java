package org.civic311.server.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import io.micrometer.core.instrument.MeterRegistry;
import org.civic311.server.config.TrafficSettings;
import org.civic311.server.web.health.HealthEndpoints;
import org.civic311.server.web.metrics.MetricsEndpoint;
import org.civic311.server.web.ApiSettings;
import org.civic311.server.web.BodyLimits;
import org.civic311.server.web.Family;
import org.civic311.server.web.FrontDoor;
import org.civic311.server.web.GeoReportApi;
import org.civic311.server.web.MediaFiles;
import org.civic311.server.web.Routes;
import org.civic311.server.web.WebServer;
import org.civic311.server.web.apidocs.ApiDocs;
import org.civic311.server.web.citizen.CitizenPages;
import org.civic311.server.web.opendata.DownloadEndpoints;
import org.civic311.server.web.feeds.FeedEndpoints;
import org.civic311.server.web.opendata.CatalogueEndpoints;
import org.civic311.server.web.staff.StaffPages;
import org.civic311.server.web.stats.StatsEndpoints;
import org.civic311.server.web.live.EventStream;
import org.civic311.server.web.live.WebhookApi;

/** Builds the route table of every family and the one front door in front of it. */
final class Doors {
  private Doors() {}

  static FrontDoor frontDoor(ApiSettings api, TrafficSettings traffic, GeoReportApi geoReport, CitizenPages citizen,
      StaffPages staff, MediaFiles files, DownloadEndpoints downloads, FeedEndpoints feeds,
      CatalogueEndpoints data, HealthEndpoints health, MetricsEndpoint metrics, MeterRegistry meters,
      org.civic311.server.storage.Replication replication, StatsEndpoints stats, EventStream events,
      WebhookApi hooks) {
    Path spool = spool();
    long floor = traffic.bodyTimeoutSeconds() * 1000L;
    BodyLimits apiBody = new BodyLimits(api.maxBodyBytes(), api.maxMultipartBytes(), true, floor, spool);
    BodyLimits pageForm = BodyLimits.form(api.maxBodyBytes(), floor);
    BodyLimits staffForm = BodyLimits.form(StaffPages.MAX_FORM_BYTES, floor);
    Routes routes = new Routes();
    health.routes(routes);
    if (metrics != null) {
      metrics.routes(routes);
    }
    geoReport.routes(routes, apiBody);
    String base = api.basePath().equals("/") ? "" : api.basePath();
    events.routes(routes, base, geoReport.family());
    hooks.routes(routes, base, geoReport.family(), apiBody);
    staff.routes(routes, staffForm);
    files.routes(routes);
    downloads.routes(routes);
    feeds.routes(routes);
    data.routes(routes, citizen.family());
    stats.routes(routes, citizen.family(), staff.family());
    ApiDocs docs = new ApiDocs(api);
    docs.routes(routes);
    citizen.routes(routes, apiBody, pageForm);
    List<Family> families = new ArrayList<>(List.of(health.family(), geoReport.family(),
        staff.family(), files.family(), downloads.family(), feeds.family(), data.family(), stats.family()));
    families.addAll(docs.families());
    families.add(citizen.family());
    return new FrontDoor(routes, families, traffic.uploadsInFlight(), meters,
        new org.civic311.server.web.ReadYourWrites(replication));
  }

  /** The connector's guard from the traffic settings. */
  static WebServer.Guard guard(TrafficSettings traffic) {
    return new WebServer.Guard(traffic.connectionsPerAddress(), traffic.headerTimeoutSeconds() * 1000L,
        traffic.idleTimeoutSeconds() * 1000L);
  }

  private static Path spool() {
    try {
      return Files.createTempDirectory("civic311-uploads-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a folder for uploads in " + System.getProperty("java.io.tmpdir"), e);
    }
  }
}
