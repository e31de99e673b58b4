package org.civic311.server.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.civic311.georeport.Documents;
import org.civic311.georeport.Format;
import org.civic311.georeport.Parameters;
import org.civic311.georeport.ServiceRequest;
import org.civic311.server.domain.ApiKeys;
import org.civic311.server.domain.Intake;
import org.civic311.server.domain.Jurisdictions;
import org.civic311.server.domain.RequestSearch;
import org.civic311.server.domain.Updates;
import org.civic311.server.domain.interop.Idempotency;
import org.civic311.server.web.interop.IdempotentPosts;
import org.civic311.server.storage.MediaRecord;

/**
 * The GeoReport v2 API under the base path: its routes, and for each the reading of its
 * parameters, the question to the domain and the document it answers.
 */
public final class GeoReportApi {
  private final ApiSettings settings;
  private final Jurisdictions jurisdictions;
  private final DiscoveryEndpoint discovery;
  private final ServicesEndpoint services;
  private final Intake intake;
  private final RequestSearch search;
  private final Updates updates;
  private final Uploads uploads;
  private final ApiFamily family;
  private final WriteGate writes;
  private final IdempotentPosts idempotent;
  private final RequestLists lists;

  public GeoReportApi(ApiSettings settings, Jurisdictions jurisdictions, ApiKeys keys, Intake intake,
      RequestSearch search, Updates updates, Uploads uploads, WriteLimiter limiter, Idempotency idempotency) {
    this.settings = settings;
    this.jurisdictions = jurisdictions;
    this.discovery = new DiscoveryEndpoint(jurisdictions, settings);
    this.services = new ServicesEndpoint(jurisdictions);
    this.intake = intake;
    this.search = search;
    this.updates = updates;
    this.uploads = uploads;
    this.family = new ApiFamily(settings, jurisdictions, keys);
    this.writes = limiter.apiWrites();
    this.idempotent = new IdempotentPosts(idempotency, jurisdictions, keys);
    this.lists = new RequestLists(search);
  }

  public Family family() {
    return family;
  }

  /** Adds the API's routes to the table. */
  public void routes(Routes r, BodyLimits body) {
    String base = settings.basePath().equals("/") ? "" : settings.basePath();
    r.get(base + "/discovery.{format}", family, x -> discovery(x));
    int parent = base.lastIndexOf('/');
    if (parent >= 0 && !base.isEmpty()) {
      // /open311/discovery.xml, where clients that know only the server look first.
      r.get(base.substring(0, parent) + "/discovery.{format}", family, x -> discovery(x));
    }
    if (!base.isEmpty()) {
      r.get(base, family, this::toDiscovery);
    }
    r.get(base + "/", family, this::toDiscovery);
    r.get(base + "/services.{format}", family, x -> services.list(jurisdiction(x), format(x), ServicesEndpoint.wanted(x)));
    r.get(base + "/services/{code}.{format}", family,
        x -> services.definition(jurisdiction(x), x.param("code"), format(x),
            ServicesEndpoint.wanted(x)));
    r.get(base + "/requests.{format}", family, x -> {
      Answer listed = lists.list(x);
      return listed != null ? listed : requests(search.search(x.parameters()), x, false);
    });
    r.write(base + "/requests.{format}", family, idempotent.wrap(x -> Reply.of(200,
        Documents.receipt(intake.submit(x.parameters(), photos(x), "api")), format(x))), body, writes);
    r.get(base + "/requests/{id}.{format}", family, x -> {
      Answer one = lists.one(x);
      return one != null ? one : requests(search.one(x.parameters(), x.param("id")), x, true);
    });
    r.get(base + "/tokens/{id}.{format}", family,
        x -> Reply.of(200, Documents.receipt(search.token(jurisdiction(x), x.param("id"))), format(x)));
    r.get(base + "/servicerequestupdates.{format}", family,
        x -> Reply.of(200, Documents.updates(updates.search(x.parameters())), format(x)));
    r.write(base + "/servicerequestupdates.{format}", family, idempotent.wrap(x -> {
      Updates.Receipt receipt = updates.post(x.parameters(), photos(x));
      return Reply.of(200, Documents.updateReceipt(receipt.updateId(), receipt.accountId()), format(x));
    }), body, writes);
  }

  static Format format(Exchange x) {
    if (!x.route().pattern().toString().endsWith(".{format}")) {
      // A route without a format in its path (the event stream) answers faults as the API's default.
      return ApiFamily.errorFormat(x.path());
    }
    return Format.ofExtension(x.param("format")).orElse(Format.XML);
  }

  private static Optional<String> jurisdiction(Exchange x) {
    return x.parameters().optional("jurisdiction_id");
  }

  private Answer discovery(Exchange x) {
    return discovery.get(x, format(x)).withHeader("Last-Modified", Validators.httpDate(jurisdictions.changeset()))
        .withHeader("Cache-Control", "public, max-age=60");
  }

  /** The bare base path leads to discovery, in JSON for clients that ask for JSON. */
  private Answer toDiscovery(Exchange x) {
    String accept = x.header("Accept");
    String ext = accept != null && accept.contains("json") && !accept.contains("xml") ? "json" : "xml";
    String base = settings.basePath().equals("/") ? "" : settings.basePath();
    return Answer.redirect(302, base + "/discovery." + ext);
  }

  private Supplier<List<MediaRecord>> photos(Exchange x) {
    return () -> uploads.store(x.uploads(), x.baseUrl(settings));
  }

  private static Answer requests(RequestSearch.Results results, Exchange x, boolean one) {
    Answer a = results.extended()
        ? Reply.of(200, Documents.requests(results.requests(), results.extensions()), format(x))
        : Reply.requests(results.requests(), format(x));
    if (one && results.requests().size() == 1) {
      ServiceRequest r = results.requests().get(0);
      if (r.updatedDatetime() != null) {
        a = a.withHeader("Last-Modified", Validators.httpDate(Instant.from(r.updatedDatetime())));
      }
    }
    return a;
  }

  /** What the API's parameters say before any body: used by {@link ApiFamily}. */
  static Optional<String> queryKey(Parameters query) {
    return query.all("api_key").stream().findFirst();
  }
}
