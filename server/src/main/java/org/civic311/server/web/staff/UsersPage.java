package org.civic311.server.web.staff;

import org.civic311.server.web.Answer;
import org.civic311.server.web.Exchange;
import org.civic311.server.web.Failure;
import org.civic311.server.web.Templates;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civic311.server.domain.staff.AccountOffice;
import org.civic311.server.domain.staff.Accounts;
import org.civic311.server.domain.staff.InvalidInput;
import org.civic311.server.domain.staff.NotPermitted;
import org.civic311.server.domain.staff.StaffMember;
import org.civic311.server.storage.StaffUserRecord;

/** Staff accounts: list, create, switch off and on. Administrators only. */
public final class UsersPage {
  private final StaffServices services;
  private final Templates templates;

  UsersPage(StaffServices services, Templates templates) {
    this.services = services;
    this.templates = templates;
  }

  /** One account as listed. */
  public record UserRow(long id, String username, String displayName, String role, boolean active, String grants,
      String created) {}

  /** The model of the accounts page. */
  public record UsersView(Frame frame, List<UserRow> users, Map<String, String> errors, Map<String, String> entered,
      String zone) {}

  Answer show(Exchange x) {
    return page(x, 200, Map.of(), Map.of());
  }

  Answer create(Exchange x) {
    admin(x);
    try {
      services.accountOffice().create(x.actor(), x.field("username"), x.field("display_name"), x.field("password"),
          x.field("role"), Accounts.parseGrants(x.field("grants")));
    } catch (InvalidInput e) {
      Map<String, String> entered = new LinkedHashMap<>();
      for (String name : List.of("username", "display_name", "role", "grants")) {
        entered.put(name, x.field(name));
      }
      return page(x, 400, Views.words(e, x.t()), entered);
    }
    return Answer.seeOther(StaffPages.ROOT + "/users?done=created");
  }

  /** Asks before switching an account off: what it does, and a form that does it. */
  Answer confirmSwitchOff(Exchange x, long id) {
    StaffMember member = admin(x);
    if (id == member.id()) {
      throw Failure.keyed(400, "error.own_account");
    }
    StaffUserRecord u = services.accounts().list().stream().filter(r -> r.id() == id).findFirst()
        .orElseThrow(() -> new org.civic311.server.domain.staff.NotFound("fault.no_account"));
    return StaffPages.confirm(templates, x, x.t().get("confirm.switch_off_title", u.username()),
        StaffPages.ROOT + "/users/" + id + "/active", Map.of("active", "0"),
        x.t().get("confirm.switch_off", u.username(), u.displayName()), x.t().get("users.switch_off"),
        StaffPages.ROOT + "/users", "users");
  }

  Answer setActive(Exchange x, long id) {
    StaffMember member = admin(x);
    boolean active = x.field("active").equals("1");
    if (id == member.id() && !active) {
      throw Failure.keyed(400, "error.own_account");
    }
    services.accountOffice().setActive(x.actor(), id, active);
    return Answer.seeOther(StaffPages.ROOT + "/users?done=saved");
  }

  private StaffMember admin(Exchange x) {
    StaffMember member = x.requireSession().member();
    if (!member.isAdministrator()) {
      throw new NotPermitted("refusal.administrators");
    }
    return member;
  }

  private Answer page(Exchange x, int status, Map<String, String> errors, Map<String, String> entered) {
    StaffMember member = admin(x);
    List<UserRow> rows = new ArrayList<>();
    java.time.ZoneId zone = services.queue().zoneOf(null);
    for (StaffUserRecord u : services.accounts().list()) {
      rows.add(new UserRow(u.id(), u.username(), u.displayName(), u.role(), u.active(),
          AccountOffice.grants(u.grants()),
          Views.time(u.createdAt(), zone)));
    }
    Frame frame = Frame.of(x, x.t().get("users.title"), "users", QueuePage.notice(x), null);
    return Answer.html(status, templates.render("users", new UsersView(frame, rows, errors, entered,
        Views.zoneName(zone))));
  }
}
