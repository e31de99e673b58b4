package org.civic311.server.web.feeds;

import org.civic311.server.web.Cors;
import org.civic311.server.web.DocumentFamily;
import org.civic311.georeport.Format;

import org.civic311.server.domain.feeds.Feed;
import org.civic311.server.domain.feeds.Feeds;
import org.civic311.server.web.Answer;
import org.civic311.server.web.ApiSettings;
import org.civic311.server.web.Exchange;
import org.civic311.server.web.Failure;
import org.civic311.server.web.Family;
import org.civic311.server.web.Routes;
import org.civic311.server.web.Validators;

/**
 * The feeds' routes: the newest requests ({@code /feeds/requests.atom}, {@code .rss}) with the
 * filters of {@code GET requests}, and one request's public history ({@code /feeds/requests/{id}.atom},
 * {@code .rss}). The door makes the ETag from the bytes; the route adds Last-Modified.
 */
public final class FeedEndpoints {
  private static final AtomFeed ATOM = new AtomFeed();
  private static final RssFeed RSS = new RssFeed();
  private final Feeds feeds;
  private final ApiSettings settings;
  static final String ROOT = "/feeds";
  private final DocumentFamily family;

  public FeedEndpoints(Feeds feeds, ApiSettings settings) {
    this.feeds = feeds;
    this.settings = settings;
    // Readers poll; a minute of staleness spares the database, and the validators make the rest cheap.
    this.family = new DocumentFamily(p -> p.equals(ROOT) || p.startsWith(ROOT + "/"), Format.XML,
        "public, max-age=60", "(feeds are /feeds/requests.atom, /feeds/requests.rss, /feeds/requests/{id}.atom"
        + " and /feeds/requests/{id}.rss)", new Cors(settings.corsOrigins()));
  }

  public Family family() {
    return family;
  }

  public void routes(Routes r) {
    // The door's {format} placeholder knows only xml and json, so each feed format is a route.
    r.get(ROOT + "/requests.atom", family, x -> requests(x, ATOM));
    r.get(ROOT + "/requests.rss", family, x -> requests(x, RSS));
    r.get(ROOT + "/requests/{file}", family, this::history);
  }

  private Answer requests(Exchange x, FeedXml writer) {
    String base = x.baseUrl(settings);
    return answer(writer, feeds.requests(x.queryParameters(), base, self(x, base)), self(x, base));
  }

  private Answer history(Exchange x) {
    String file = x.param("file");
    int dot = file.lastIndexOf('.');
    FeedXml writer = dot < 0 ? null : switch (file.substring(dot + 1)) {
      case "atom" -> ATOM;
      case "rss" -> RSS;
      default -> null;
    };
    if (writer == null) {
      throw new Failure(404, "a request's feed ends in .atom or .rss, such as /feeds/requests/42.atom");
    }
    String base = x.baseUrl(settings);
    return answer(writer, feeds.history(x.queryParameters(), file.substring(0, dot), base), self(x, base));
  }

  private static Answer answer(FeedXml writer, Feed feed, String self) {
    return Answer.of(200, writer.contentType(), writer.write(feed, self))
        .withHeader("Last-Modified", Validators.httpDate(feed.updated().toInstant()));
  }

  private static String self(Exchange x, String base) {
    String query = x.request().getHttpURI().getQuery();
    return base + x.path() + (query == null || query.isEmpty() ? "" : "?" + query);
  }
}
