package org.civic311.server.web.citizen;

import org.civic311.server.web.PageReply;
import java.util.List;
import java.util.Optional;
import org.civic311.georeport.FormDecoder;
import org.civic311.georeport.ParameterException;
import org.civic311.georeport.Parameters;
import org.civic311.server.domain.Refusal;
import org.civic311.server.media.MediaRejected;
import org.civic311.server.storage.StorageException;
import org.civic311.server.web.ApiFailure;
import org.civic311.server.web.Assets;
import org.civic311.server.web.PageSecurity;
import org.civic311.server.web.RequestBody;
import org.civic311.server.web.Templates;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public pages: {@code /} (choose a service), {@code /report/<code>}, {@code /thanks},
 * {@code /requests/<id>}, {@code /browse}, {@code /unsubscribe/<token>} and their static files
 * under {@code /static/}. Every POST is limited per client address ({@code WriteLimiter}) and
 * refused when the browser says it came from another site.
 */
public final class CitizenPages extends Handler.Abstract {
  private static final Logger LOG = LoggerFactory.getLogger(CitizenPages.class);
  private final CitizenServices services;
  private final Templates templates = new Templates("citizen");
  private final Assets assets = new Assets(java.util.Map.of("citizen.css", "/citizen-assets/citizen.css",
      "citizen.js", "/citizen-assets/citizen.js"));
  private final ReportPages report;
  private final TrackPage track;
  private final BrowsePage browse;
  private final UnsubscribePage unsubscribe;
  private final PageSecurity security;

  public CitizenPages(CitizenServices services, String tileOrigin) {
    this.services = services;
    this.report = new ReportPages(services, templates);
    this.track = new TrackPage(services, templates);
    this.browse = new BrowsePage(services, templates);
    this.unsubscribe = new UnsubscribePage(services, templates);
    this.security = new PageSecurity(tileOrigin);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = request.getHttpURI().getPath();
    if (path == null || !ours(path)) {
      return false;
    }
    if (path.startsWith("/static/")) {
      Optional<Assets.Asset> asset = request.getMethod().equals("GET")
          ? assets.find(path.substring("/static/".length())) : Optional.empty();
      if (asset.isPresent()) {
        Assets.send(asset.get(), response, callback);
        return true;
      }
      send(notFound(Messages.of("en"), path), response, callback);
      return true;
    }
    Messages t = Messages.of(Call.language(request, queryLanguage(request)));
    PageReply reply;
    try {
      // Rate limit (WriteLimiter): every POST is counted per address; over the limit, a 429 page.
      if (request.getMethod().equals("POST") && !services.limiter().page(request, response).allowed()) {
        throw new PageProblem(429, "error.too_many");
      }
      reply = answer(request, path, t);
    } catch (PageProblem e) {
      reply = errorPage(e.status(), t, t.get(e.key()), path);
    } catch (StorageException e) {
      LOG.warn("database unavailable: {}", e.getMessage());
      reply = errorPage(503, t, t.get("error.unavailable"), path);
    } catch (RuntimeException e) {
      LOG.error("internal error on {} {}", request.getMethod(), path, e);
      reply = errorPage(500, t, t.get("error.internal"), path);
    }
    send(reply, response, callback);
    return true;
  }

  private static boolean ours(String path) {
    return path.equals("/") || path.equals("/report") || path.startsWith("/report/") || path.equals("/thanks")
        || path.startsWith("/requests/") || path.equals("/browse") || path.startsWith("/unsubscribe/")
        || path.startsWith("/static/");
  }

  private static String queryLanguage(Request request) {
    String q = request.getHttpURI().getQuery();
    if (q == null || !q.contains("lang=")) {
      return "";
    }
    try {
      Parameters.Builder p = Parameters.builder();
      FormDecoder.decode(q, p);
      return p.build().all("lang").stream().findFirst().orElse("");
    } catch (ParameterException e) {
      return "";
    }
  }

  private PageReply answer(Request request, String path, Messages t) {
    String method = request.getMethod();
    if (!method.equals("GET") && !method.equals("POST")) {
      throw new PageProblem(405, "error.method");
    }
    Call call = read(request, path, t);
    if (method.equals("POST")) {
      if (PageSecurity.crossSite(request)) {
        throw new PageProblem(403, "error.cross_site");
      }
    }
    PageReply reply = route(call, path, method.equals("GET"));
    if (call.languageChosen()) {
      reply = reply.withCookie("lang=" + t.language() + "; Path=/; Max-Age=31536000; SameSite=Lax");
    }
    return reply;
  }

  private PageReply route(Call call, String path, boolean get) {
    String[] parts = path.substring(1).split("/", -1);
    switch (parts[0]) {
      case "":
      case "report":
        if (parts.length == 1) {
          return get ? report.choose(call) : notFound(call.t(), path);
        }
        if (parts.length == 2) {
          String code = decode(parts[1]);
          return get ? report.form(call, code) : report.submit(call, code);
        }
        return notFound(call.t(), path);
      case "thanks":
        return get ? report.thanks(call) : notFound(call.t(), path);
      case "requests":
        if (parts.length == 2 && get) {
          return track.show(call, id(parts[1]));
        }
        if (parts.length == 3 && !get && parts[2].equals("support")) {
          return track.support(call, id(parts[1]));
        }
        return notFound(call.t(), path);
      case "browse":
        return get ? browse.show(call) : notFound(call.t(), path);
      case "unsubscribe":
        if (parts.length == 2) {
          return get ? unsubscribe.show(call, parts[1]) : unsubscribe.confirm(call, parts[1]);
        }
        return notFound(call.t(), path);
      default:
        return notFound(call.t(), path);
    }
  }

  private Call read(Request request, String path, Messages t) {
    Parameters.Builder p = Parameters.builder();
    List<RequestBody.Upload> uploads = List.of();
    try {
      FormDecoder.decode(request.getHttpURI().getQuery(), p);
      if (request.getMethod().equals("POST")) {
        uploads = RequestBody.read(request, services.api().maxBodyBytes(), services.api().maxMultipartBytes(), p);
        // A file field with no file chosen is still sent, as an empty part with an empty name
        // (the HTML form submission algorithm): it is no photo.
        uploads = uploads.stream().filter(u -> u.bytes().length > 0).toList();
      }
    } catch (ParameterException e) {
      throw new PageProblem(400, "error.unreadable");
    } catch (ApiFailure e) {
      throw new PageProblem(e.status(), e.status() == 413 ? "error.too_large" : "error.unreadable");
    }
    String queryLang = request.getHttpURI().getQuery() == null ? "" : queryLanguage(request);
    return new Call(request, path, p.build(), uploads, t, Messages.LANGUAGES.contains(queryLang));
  }

  static long id(String text) {
    if (!text.matches("\\d{1,18}")) {
      throw new PageProblem(404, "error.not_found");
    }
    return Long.parseLong(text);
  }

  static String decode(String segment) {
    try {
      return org.eclipse.jetty.util.URIUtil.decodePath(segment);
    } catch (RuntimeException e) {
      throw new PageProblem(404, "error.not_found");
    }
  }

  private PageReply notFound(Messages t, String path) {
    return errorPage(404, t, t.get("error.not_found"), path);
  }

  /** The model of the error page. */
  public record ErrorView(Page page, int status, String message) {}

  private PageReply errorPage(int status, Messages t, String message, String path) {
    return PageReply.html(status, templates.render("error", new ErrorView(
        new Page(t.get("error.title"), t, path, false, services.map()), status, message)));
  }

  /** Turns what the domain refuses into the page's words. */
  static PageProblem problemOf(Refusal e) {
    return new PageProblem(e.reason() == Refusal.Reason.NOT_FOUND ? 404 : 400, "error.refused");
  }

  static PageProblem problemOf(MediaRejected e) {
    return new PageProblem(e.reason() == MediaRejected.Reason.TOO_LARGE ? 413 : 415, "error.photo");
  }

  private void send(PageReply reply, Response response, Callback callback) {
    response.getHeaders().put(HttpHeader.VARY, "Accept-Language, Cookie");
    reply.send(response, callback, security, "no-cache");
  }
}
