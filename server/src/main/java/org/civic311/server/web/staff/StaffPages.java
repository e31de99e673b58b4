package org.civic311.server.web.staff;

import org.civic311.server.web.Assets;
import org.civic311.server.web.BodyLimits;
import org.civic311.server.web.Family;
import org.civic311.server.web.Routes;
import org.civic311.server.web.Templates;
import org.civic311.server.web.WriteGate;

/** The staff back office's routes under {@code /staff}; see {@link StaffFamily} for what every page shares. */
public final class StaffPages {
  static final String ROOT = "/staff";
  /** The largest form body a staff page accepts. */
  public static final int MAX_FORM_BYTES = 256 * 1024;

  private final Templates templates = new Templates("staff");
  private final Assets assets = new Assets(java.util.Map.of("staff.css", "/staff-assets/staff.css",
      "staff.js", "/staff-assets/staff.js"));
  private final SignInPage signIn;
  private final QueuePage queue;
  private final RequestPage request;
  private final KeysPage keys;
  private final AuditPage audit;
  private final InteropPage interop;
  private final UsersPage users;
  private final CataloguePage catalogue;
  private final StaffFamily family;
  private final WriteGate signIns;

  public StaffPages(StaffServices services, String tileOrigin) {
    this.signIn = new SignInPage(services, templates);
    this.queue = new QueuePage(services, templates);
    this.request = new RequestPage(services, templates);
    this.keys = new KeysPage(services, templates);
    this.audit = new AuditPage(services, templates);
    this.interop = new InteropPage(services, templates);
    this.users = new UsersPage(services, templates);
    this.catalogue = new CataloguePage(services, templates);
    this.family = new StaffFamily(services, templates, tileOrigin);
    this.signIns = services.limiter().signIns();
  }

  public Family family() {
    return family;
  }

  /** Adds the back office's routes; every form is url-encoded within {@code form}. */
  public void routes(Routes r, BodyLimits form) {
    r.get(ROOT, family, queue::show);
    r.get(ROOT + "/", family, queue::show);
    r.get(ROOT + "/login", family, signIn::show);
    r.write(ROOT + "/login", family, signIn::submit, form, signIns);
    r.post(ROOT + "/logout", family, signIn::logout, form);
    r.get(ROOT + "/map.json", family, queue::points);
    r.get(ROOT + "/requests/{jurisdiction}/{id}", family,
        x -> request.show(x, x.param("jurisdiction"), id(x.param("id"))));
    r.post(ROOT + "/requests/{jurisdiction}/{id}/{action}", family,
        x -> request.act(x, x.param("jurisdiction"), id(x.param("id")), x.param("action")), form);
    r.get(ROOT + "/keys", family, keys::show);
    r.post(ROOT + "/keys", family, keys::issue, form);
    r.get(ROOT + "/keys/{id}/revoke", family, x -> keys.confirmRevoke(x, id(x.param("id"))));
    r.post(ROOT + "/keys/{id}/revoke", family, x -> keys.revoke(x, id(x.param("id"))), form);
    r.post(ROOT + "/keys/{id}/limit", family, x -> keys.setWriteLimit(x, id(x.param("id"))), form);
    r.get(ROOT + "/audit", family, audit::show);
    r.get(ROOT + "/interop", family, interop::show);
    r.get(ROOT + "/users", family, users::show);
    r.post(ROOT + "/users", family, users::create, form);
    r.get(ROOT + "/users/{id}/active", family, x -> users.confirmSwitchOff(x, id(x.param("id"))));
    r.post(ROOT + "/users/{id}/active", family, x -> users.setActive(x, id(x.param("id"))), form);
    catalogue.routes(r, family, form);
    r.get(ROOT + "/assets/{name*}", family, x -> assets.answer(x.param("name")));
  }

  static long id(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw org.civic311.server.web.Failure.keyed(404, "error.no_page");
    }
  }

  /** The model of the error page. */
  public record ErrorView(Frame frame, int status, String message) {}

  /**
   * The model of a confirmation: a page (reached by GET, so it works without script) saying what an
   * action will do, with the form that does it and a way back.
   */
  public record ConfirmView(Frame frame, String action, java.util.Map<String, String> fields, String consequence,
      String button, String back) {}

  /** Asks before an action that cannot be undone: {@code consequence} says what it will do. */
  static org.civic311.server.web.Answer confirm(Templates templates, org.civic311.server.web.Exchange x,
      String title, String action, java.util.Map<String, String> fields, String consequence, String button,
      String back, String section) {
    return org.civic311.server.web.Answer.html(200, templates.render("confirm", new ConfirmView(
        Frame.of(x, title, section, null, null), action, fields, consequence, button, back)));
  }
}
