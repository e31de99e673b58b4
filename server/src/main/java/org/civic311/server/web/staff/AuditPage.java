package org.civic311.server.web.staff;

import org.civic311.server.web.Answer;
import org.civic311.server.web.Exchange;
import org.civic311.server.web.Templates;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civic311.server.domain.staff.NotPermitted;
import org.civic311.server.domain.staff.StaffMember;
import org.civic311.server.storage.AuditEntry;
import org.civic311.server.storage.AuditQuery;

/** The audit log, newest first, filterable; read-only by design. Administrators only. */
public final class AuditPage {
  static final int PAGE_SIZE = 100;
  private final StaffServices services;
  private final Templates templates;

  AuditPage(StaffServices services, Templates templates) {
    this.services = services;
    this.templates = templates;
  }

  /** One entry as listed. */
  public record EntryRow(String at, String username, String action, String target, String targetUrl,
      String jurisdiction, String before, String after, String client) {}

  /** The model of the audit page. */
  public record AuditView(Frame frame, List<EntryRow> entries, String username, String action, String targetType,
      String targetId, String from, String to, Map<String, String> errors, String nextUrl, String zone) {}

  Answer show(Exchange x) {
    StaffMember member = x.requireSession().member();
    if (!member.isAdministrator()) {
      throw new NotPermitted("refusal.administrators");
    }
    Map<String, String> errors = new LinkedHashMap<>();
    java.time.ZoneId home = services.queue().zoneOf(null);
    Long from = day(x, "from", errors, false, home);
    Long to = day(x, "to", errors, true, home);
    int page = 1;
    try {
      page = x.query("page").isEmpty() ? 1 : Integer.parseInt(x.query("page"));
    } catch (NumberFormatException e) {
      errors.put("page", x.t().get("fault.page"));
    }
    if (page < 1 || page > 100_000) {
      errors.put("page", x.t().get("fault.page"));
      page = 1;
    }
    List<EntryRow> rows = new ArrayList<>();
    boolean more = false;
    if (errors.isEmpty()) {
      List<AuditEntry> found = services.audit().search(new AuditQuery(blankToNull(x.query("username")),
          blankToNull(x.query("action")), blankToNull(x.query("target_type")), blankToNull(x.query("target_id")),
          from, to, (page - 1) * PAGE_SIZE, PAGE_SIZE + 1));
      more = found.size() > PAGE_SIZE;
      for (AuditEntry e : found.subList(0, Math.min(found.size(), PAGE_SIZE))) {
        String url = e.targetType().equals("request") && e.jurisdictionId() != null
            ? StaffPages.ROOT + "/requests/" + Views.enc(e.jurisdictionId()) + "/" + e.targetId() : null;
        rows.add(new EntryRow(Views.time(e.at(), services.queue().zoneOf(e.jurisdictionId())), e.username(),
            e.action(),
            e.targetType() + " " + e.targetId(), url, e.jurisdictionId() == null ? "" : e.jurisdictionId(),
            e.beforeJson() == null ? "" : e.beforeJson(), e.afterJson() == null ? "" : e.afterJson(),
            e.client() == null ? "" : e.client()));
      }
    }
    String next = null;
    if (more) {
      next = StaffPages.ROOT + "/audit?username=" + Views.enc(x.query("username")) + "&action="
          + Views.enc(x.query("action")) + "&target_type=" + Views.enc(x.query("target_type")) + "&target_id="
          + Views.enc(x.query("target_id")) + "&from=" + Views.enc(x.query("from")) + "&to="
          + Views.enc(x.query("to")) + "&page=" + (page + 1);
    }
    Frame frame = Frame.of(x, x.t().get("audit.title"), "audit", null, null);
    return Answer.html(errors.isEmpty() ? 200 : 400, templates.render("audit", new AuditView(frame, rows,
        x.query("username"), x.query("action"), x.query("target_type"), x.query("target_id"), x.query("from"),
        x.query("to"), errors, next, Views.zoneName(home))));
  }

  private static Long day(Exchange x, String field, Map<String, String> errors, boolean end,
      java.time.ZoneId zone) {
    String text = x.query(field);
    if (text.isBlank()) {
      return null;
    }
    try {
      LocalDate d = LocalDate.parse(text.trim());
      return (end ? d.plusDays(1) : d).atStartOfDay(zone).toInstant().toEpochMilli() - (end ? 1 : 0);
    } catch (DateTimeParseException e) {
      errors.put(field, x.t().get("fault.date"));
      return null;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
