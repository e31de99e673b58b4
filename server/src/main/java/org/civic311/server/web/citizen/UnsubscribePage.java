package org.civic311.server.web.citizen;

import org.civic311.server.web.Answer;
import org.civic311.server.web.Exchange;
import org.civic311.server.web.Failure;
import org.civic311.server.web.Templates;

/**
 * The unsubscribe link of a status mail. GET only asks (mail scanners follow links); the button
 * POSTs and stops the mails.
 */
public final class UnsubscribePage {
  private final CitizenServices services;
  private final Templates templates;

  UnsubscribePage(CitizenServices services, Templates templates) {
    this.services = services;
    this.templates = templates;
  }

  /** The model of the unsubscribe page. */
  public record UnsubscribeView(Page page, String token, long requestId, boolean done) {}

  Answer show(Exchange call, String token) {
    var follower = services.followers().find(token).orElseThrow(() -> Failure.keyed(404, "error.not_found"));
    Page page = new Page(call.t().get("unsubscribe.title"), call.t(), "/unsubscribe/" + token, false,
        services.map());
    return Answer.html(200, templates.render("unsubscribe", new UnsubscribeView(page, token, follower.requestId(),
        follower.unsubscribedAt() != null)));
  }

  Answer confirm(Exchange call, String token) {
    var follower = services.followers().find(token).orElseThrow(() -> Failure.keyed(404, "error.not_found"));
    services.followers().unsubscribe(token);
    Page page = new Page(call.t().get("unsubscribe.title"), call.t(), "/unsubscribe/" + token, false,
        services.map());
    return Answer.html(200, templates.render("unsubscribe", new UnsubscribeView(page, token, follower.requestId(),
        true)));
  }
}
