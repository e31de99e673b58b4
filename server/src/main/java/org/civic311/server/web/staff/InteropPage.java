package org.civic311.server.web.staff;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.civic311.server.domain.interop.UpstreamState;
import org.civic311.server.domain.staff.NotPermitted;
import org.civic311.server.domain.staff.StaffMember;
import org.civic311.server.storage.MirrorStore;
import org.civic311.server.web.Answer;
import org.civic311.server.web.Exchange;
import org.civic311.server.web.Templates;

/**
 * Talking with other Open311 servers, at a glance: each upstream as last seen by this node, the
 * forwarding outbox by state, and each mirror's last harvest, lag and error. Administrators only.
 */
public final class InteropPage {
  private final StaffServices services;
  private final Templates templates;

  InteropPage(StaffServices services, Templates templates) {
    this.services = services;
    this.templates = templates;
  }

  /** One upstream as listed. */
  public record UpstreamRow(String jurisdiction, String url, String health, boolean answering, String note,
      String checked) {}

  /** One mirror as listed; {@code lag} is the time since its last good harvest. */
  public record MirrorRow(String jurisdiction, String source, String method, String lastHarvest, String lag,
      String newestChange, String counts, String error, String errorAt) {}

  /** The model of the page. */
  public record InteropView(Frame frame, List<UpstreamRow> upstreams, String outbox, List<MirrorRow> mirrors) {}

  Answer show(Exchange x) {
    StaffMember member = x.requireSession().member();
    if (!member.isAdministrator()) {
      throw new NotPermitted("refusal.administrators");
    }
    List<UpstreamRow> upstreams = new ArrayList<>();
    for (UpstreamState u : services.outbox().upstreams()) {
      upstreams.add(new UpstreamRow(u.jurisdictionId(), u.url(), health(x, u),
          u.health() == UpstreamState.Health.ANSWERING, u.note(), time(u.checkedAt() == 0 ? null : u.checkedAt())));
    }
    long now = System.currentTimeMillis();
    List<MirrorRow> mirrors = new ArrayList<>();
    for (MirrorStore.Harvest h : services.mirrors().harvests()) {
      mirrors.add(new MirrorRow(h.jurisdictionId(), h.source(), h.method() == null ? "" : h.method(),
          time(h.succeededAt()), h.succeededAt() == null ? x.t().get("interop.never") : lag(now - h.succeededAt()),
          time(h.newestChange()), x.t().get("interop.counts", h.seen(), h.added(), h.updated()),
          h.lastError() == null ? "" : h.lastError(), time(h.errorAt())));
    }
    Frame frame = Frame.of(x, x.t().get("interop.title"), "interop", QueuePage.notice(x), null);
    return Answer.html(200, templates.render("interop", new InteropView(frame, upstreams,
        services.outbox().depth().toString(), mirrors)));
  }

  /** An upstream's health in the reader's language. */
  static String health(Exchange x, UpstreamState u) {
    return x.t().get("upstream." + u.health().name().toLowerCase(java.util.Locale.ROOT));
  }

  private static String time(Long at) {
    return at == null ? "" : Views.time(at, ZoneOffset.UTC);
  }

  private static String lag(long millis) {
    long s = Math.max(0, millis / 1000);
    return s < 120 ? s + " s" : s < 7200 ? s / 60 + " min" : s / 3600 + " h";
  }
}
