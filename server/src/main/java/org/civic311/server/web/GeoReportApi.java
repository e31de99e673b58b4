package org.civic311.server.web;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.civic311.georeport.Documents;
import org.civic311.georeport.FormDecoder;
import org.civic311.georeport.ParameterException;
import org.civic311.georeport.Parameters;
import org.civic311.server.domain.Intake;
import org.civic311.server.domain.Jurisdictions;
import org.civic311.server.domain.Refusal;
import org.civic311.server.domain.RequestSearch;
import org.civic311.server.domain.Updates;
import org.civic311.server.domain.limits.Verdict;
import org.civic311.server.media.MediaIntake;
import org.civic311.server.media.MediaRejected;
import org.civic311.server.storage.MediaRecord;
import org.civic311.server.storage.StorageException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GeoReport v2 API under the base path: routes a call, reads its parameters, asks the domain
 * and writes the answer. Paths outside the base path are left to the next handler.
 */
public final class GeoReportApi extends Handler.Abstract {
  private static final Logger LOG = LoggerFactory.getLogger(GeoReportApi.class);

  private final ApiSettings settings;
  private final DiscoveryEndpoint discovery;
  private final ServicesEndpoint services;
  private final Intake intake;
  private final RequestSearch search;
  private final Updates updates;
  private final Cors cors;
  private final Uploads uploads;
  private final WriteLimiter limiter;

  public GeoReportApi(ApiSettings settings, Jurisdictions jurisdictions, Intake intake, RequestSearch search,
      Updates updates, MediaIntake media, WriteLimiter limiter) {
    this.settings = settings;
    this.discovery = new DiscoveryEndpoint(jurisdictions, settings);
    this.services = new ServicesEndpoint(jurisdictions);
    this.intake = intake;
    this.search = search;
    this.updates = updates;
    this.cors = new Cors(settings.corsOrigins());
    this.uploads = new Uploads(media);
    this.limiter = limiter;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = request.getHttpURI().getPath();
    String prefix = settings.basePath().equals("/") ? "/" : settings.basePath() + "/";
    if (path == null || !path.startsWith(prefix)) {
      return false;
    }
    cors.decorate(request, response);
    if (request.getMethod().equals("OPTIONS") && cors.isPreflight(request)) {
      cors.preflight(response, callback);
      return true;
    }
    reply(request, response, path.substring(prefix.length())).send(response, callback);
    return true;
  }

  private Reply reply(Request request, Response response, String rest) {
    Optional<Route> parsed = Route.parse(rest);
    if (parsed.isEmpty()) {
      return Reply.error(404, Route.errorFormat(rest), "no such resource: " + rest
          + " (paths end in .xml or .json, such as services.xml)");
    }
    Route route = parsed.get();
    String method = request.getMethod();
    if (!route.allows(method)) {
      return Reply.error(405, route.format(), "method " + method + " is not allowed here; use " + route.allowed())
          .withAllow(route.allowed());
    }
    try {
      Call call = body(request, method);
      // Rate limits (WriteLimiter): every write is counted per address and api_key; over a limit, a 429.
      Verdict limit = method.equals("POST") ? limiter.api(request, call.parameters(), response) : null;
      if (limit != null && !limit.allowed()) {
        return Reply.error(429, route.format(), limit.message());
      }
      return answer(request, route, call);
    } catch (MediaRejected e) {
      return Reply.error(status(e.reason()), route.format(), e.getMessage());
    } catch (Refusal e) {
      return Reply.error(status(e.reason()), route.format(), e.messages());
    } catch (ParameterException e) {
      return Reply.error(400, route.format(), e.getMessage());
    } catch (ApiFailure e) {
      return Reply.error(e.status(), route.format(), e.getMessage());
    } catch (StorageException e) {
      LOG.warn("database unavailable: {}", e.getMessage());
      return Reply.error(503, route.format(), "the database is unavailable; try again shortly");
    } catch (RuntimeException e) {
      LOG.error("internal error on {} {}", method, request.getHttpURI().getPath(), e);
      return Reply.error(500, route.format(), "internal error; it has been logged");
    }
  }

  /** The parameters of a call, from its query string and body, and the photos its body carries. */
  private record Call(Parameters parameters, List<RequestBody.Upload> uploads) {}

  private Call body(Request request, String method) {
    Parameters.Builder p = Parameters.builder();
    FormDecoder.decode(request.getHttpURI().getQuery(), p);
    List<RequestBody.Upload> uploads = List.of();
    if (method.equals("POST")) {
      uploads = RequestBody.read(request, settings.maxBodyBytes(), settings.maxMultipartBytes(), p);
    }
    return new Call(p.build(), uploads);
  }

  private Reply answer(Request request, Route route, Call call) {
    Parameters p = call.parameters();
    Supplier<List<MediaRecord>> photos = () -> uploads.store(call.uploads(), BaseUrl.of(request, settings));
    Optional<String> jurisdiction = p.optional("jurisdiction_id");
    switch (route.resource()) {
      case DISCOVERY:
        return discovery.get(request, route.format());
      case SERVICES:
        return services.list(jurisdiction, route.format());
      case SERVICE:
        return services.definition(jurisdiction, route.id(), route.format());
      case REQUESTS:
        if (request.getMethod().equals("POST")) {
          return Reply.of(200, Documents.receipt(intake.submit(p, photos, "api")), route.format());
        }
        return requests(search.search(p), route);
      case REQUEST:
        return requests(search.one(p, route.id()), route);
      case UPDATES:
        if (request.getMethod().equals("POST")) {
          Updates.Receipt receipt = updates.post(p, photos);
          return Reply.of(200, Documents.updateReceipt(receipt.updateId(), receipt.accountId()), route.format());
        }
        return Reply.of(200, Documents.updates(updates.search(p)), route.format());
      case TOKEN:
        return Reply.of(200, Documents.receipt(search.token(jurisdiction, route.id())), route.format());
      default:
        throw new IllegalStateException("unrouted " + route);
    }
  }

  private static Reply requests(RequestSearch.Results results, Route route) {
    return Reply.of(200, results.extended()
        ? Documents.requests(results.requests(), results.extensions())
        : Documents.requests(results.requests()), route.format());
  }

  static int status(MediaRejected.Reason reason) {
    return switch (reason) {
      case UNSUPPORTED_TYPE -> 415;
      case TOO_LARGE, TOO_MANY_FILES -> 413;
      default -> 400;
    };
  }

  static int status(Refusal.Reason reason) {
    return switch (reason) {
      case INVALID -> 400;
      case FORBIDDEN -> 403;
      case NOT_FOUND -> 404;
      case UNAVAILABLE -> 503;
    };
  }
}
