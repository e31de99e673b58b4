package org.civic311.server.web.staff;

import org.civic311.server.web.PageReply;
import org.civic311.server.web.Templates;
import java.util.Map;
import java.util.Optional;
import org.civic311.server.domain.staff.InvalidInput;
import org.civic311.server.web.Assets;
import org.civic311.server.web.PageSecurity;
import org.civic311.server.domain.staff.NotFound;
import org.civic311.server.domain.staff.NotPermitted;
import org.civic311.server.domain.staff.Sessions;
import org.civic311.server.storage.StorageException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staff back office under {@code /staff}. Before any page runs: a caller without a live
 * session is sent to sign in (GET) or refused (POST); a POST must carry the session's CSRF token
 * and must not come from another site. Pages add security headers that forbid framing and
 * inline scripts.
 */
public final class StaffPages extends Handler.Abstract {
  static final String ROOT = "/staff";
  private static final Logger LOG = LoggerFactory.getLogger(StaffPages.class);

  private final StaffServices services;
  private final Templates templates = new Templates("staff");
  private final Assets assets = new Assets(java.util.Map.of("staff.css", "/staff-assets/staff.css",
      "staff.js", "/staff-assets/staff.js"));
  private final SignInPage signIn;
  private final QueuePage queue;
  private final RequestPage request;
  private final KeysPage keys;
  private final AuditPage audit;
  private final UsersPage users;
  private final CataloguePage catalogue;
  private final PageSecurity security;

  public StaffPages(StaffServices services, String tileOrigin) {
    this.services = services;
    this.signIn = new SignInPage(services, templates);
    this.queue = new QueuePage(services, templates);
    this.request = new RequestPage(services, templates);
    this.keys = new KeysPage(services, templates);
    this.audit = new AuditPage(services, templates);
    this.users = new UsersPage(services, templates);
    this.catalogue = new CataloguePage(services, templates);
    this.security = new PageSecurity(tileOrigin);
  }

  @Override
  public boolean handle(Request req, Response response, Callback callback) {
    String path = req.getHttpURI().getPath();
    if (path == null || !(path.equals(ROOT) || path.startsWith(ROOT + "/"))) {
      return false;
    }
    String rest = path.substring(ROOT.length());
    if (rest.startsWith("/assets/")) {
      serveAsset(rest.substring("/assets/".length()), req, response, callback);
      return true;
    }
    PageReply reply;
    try {
      // Rate limit (WriteLimiter): sign-in attempts are counted per address; over the limit, a 429 page.
      if (req.getMethod().equals("POST") && rest.equals("/login")
          && !services.limiter().signIn(req, response).allowed()) {
        throw new PageFailure(429, "Too many sign-in attempts from your address. Wait a few minutes and try again.");
      }
      reply = answer(req, rest.isEmpty() ? "/" : rest);
    } catch (PageFailure e) {
      reply = errorPage(e.status(), e.getMessage());
    } catch (NotPermitted e) {
      reply = errorPage(403, e.getMessage());
    } catch (NotFound e) {
      reply = errorPage(404, e.getMessage());
    } catch (StorageException e) {
      LOG.warn("database unavailable: {}", e.getMessage());
      reply = errorPage(503, "The database is unavailable. Try again in a moment.");
    } catch (RuntimeException e) {
      LOG.error("internal error on {} {}", req.getMethod(), path, e);
      reply = errorPage(500, "Something went wrong on our side; it has been logged.");
    }
    send(reply, response, callback);
    return true;
  }

  private PageReply answer(Request req, String path) {
    String method = req.getMethod();
    if (!method.equals("GET") && !method.equals("POST")) {
      throw new PageFailure(405, "Use GET or POST.");
    }
    Exchange x = Exchange.read(req, path);
    Optional<Sessions.Session> session = x.cookie().flatMap(services.sessions()::find);
    session.ifPresent(x::signedIn);
    if (method.equals("POST") && PageSecurity.crossSite(req)) {
      throw new PageFailure(403, "Forms may only be sent from this site.");
    }
    if (path.equals("/login")) {
      return method.equals("GET") ? signIn.show(x) : signIn.submit(x);
    }
    if (session.isEmpty()) {
      if (method.equals("GET")) {
        String target = ROOT + path + (req.getHttpURI().getQuery() == null ? "" : "?" + req.getHttpURI().getQuery());
        return PageReply.seeOther(ROOT + "/login?next=" + java.net.URLEncoder.encode(target,
            java.nio.charset.StandardCharsets.UTF_8));
      }
      throw new PageFailure(401, "Sign in first.");
    }
    if (method.equals("POST") && !Sessions.csrfMatches(session.get(), x.field("_csrf"))) {
      throw new PageFailure(403, "This form has expired or did not come from this site. Go back, reload and"
          + " send it again.");
    }
    try {
      return route(x, path, method);
    } catch (InvalidInput e) {
      // Pages that show their own form errors catch this themselves; this is the fallback.
      return errorPage(400, String.join(" ", e.fields().values()));
    }
  }

  private PageReply route(Exchange x, String path, String method) {
    String[] parts = path.substring(1).split("/", -1);
    boolean get = method.equals("GET");
    switch (parts[0]) {
      case "":
        return get && parts.length == 1 ? queue.show(x) : notFound();
      case "logout":
        return !get && parts.length == 1 ? signIn.logout(x) : notFound();
      case "map.json":
        return get ? queue.points(x) : notFound();
      case "requests":
        if (parts.length == 3 && get) {
          return request.show(x, parts[1], id(parts[2]));
        }
        if (parts.length == 4 && !get) {
          return request.act(x, parts[1], id(parts[2]), parts[3]);
        }
        return notFound();
      case "keys":
        if (parts.length == 1) {
          return get ? keys.show(x) : keys.issue(x);
        }
        if (parts.length == 3 && !get && parts[2].equals("revoke")) {
          return keys.revoke(x, id(parts[1]));
        }
        if (parts.length == 3 && !get && parts[2].equals("limit")) {
          return keys.setWriteLimit(x, id(parts[1]));
        }
        return notFound();
      case "audit":
        return get && parts.length == 1 ? audit.show(x) : notFound();
      case "users":
        if (parts.length == 1) {
          return get ? users.show(x) : users.create(x);
        }
        if (parts.length == 3 && !get && parts[2].equals("active")) {
          return users.setActive(x, id(parts[1]));
        }
        return notFound();
      case "catalogue":
        return catalogue.route(x, parts, get);
      default:
        return notFound();
    }
  }

  static long id(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new PageFailure(404, "There is no such page.");
    }
  }

  static String decode(String segment) {
    try {
      return org.eclipse.jetty.util.URIUtil.decodePath(segment);
    } catch (RuntimeException e) {
      throw new PageFailure(404, "There is no such page.");
    }
  }

  private static PageReply notFound() {
    throw new PageFailure(404, "There is no such page.");
  }

  private PageReply errorPage(int status, String message) {
    return PageReply.html(status, templates.render("error", new ErrorView(
        new Frame(titleOf(status), null, null, "", null, null), status, message)));
  }

  /** The model of the error page. */
  public record ErrorView(Frame frame, int status, String message) {}

  private static String titleOf(int status) {
    return switch (status) {
      case 400 -> "Check the form";
      case 401 -> "Sign in first";
      case 403 -> "Not allowed";
      case 404 -> "Not found";
      case 413 -> "Too large";
      case 429 -> "Too many attempts";
      case 503 -> "Unavailable";
      default -> "Error";
    };
  }

  private void serveAsset(String name, Request req, Response response, Callback callback) {
    Optional<Assets.Asset> asset = assets.find(name);
    if (asset.isEmpty() || !req.getMethod().equals("GET")) {
      send(errorPage(404, "There is no such file."), response, callback);
      return;
    }
    Assets.send(asset.get(), response, callback);
  }

  private void send(PageReply reply, Response response, Callback callback) {
    reply.send(response, callback, security, "no-store");
  }
}
