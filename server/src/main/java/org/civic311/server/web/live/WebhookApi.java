package org.civic311.server.web.live;

import java.time.Instant;
import java.util.List;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.civic311.server.domain.live.WebhookSender;
import org.civic311.server.domain.live.Webhooks;
import org.civic311.server.storage.WebhookDelivery;
import org.civic311.server.storage.WebhookRecord;
import org.civic311.server.storage.WebhookStore;
import org.civic311.server.web.Answer;
import org.civic311.server.web.BodyLimits;
import org.civic311.server.web.Exchange;
import org.civic311.server.web.Family;
import org.civic311.server.web.Routes;

/**
 * The webhooks' API, for the owner of an API key, in JSON (a list, as the API's JSON always is):
 * {@code POST webhooks.json} registers a URL with filters and answers the signing secret once;
 * {@code GET webhooks.json} lists the key's hooks with their last deliveries;
 * {@code POST webhooks/test.json} sends a test event; {@code POST webhooks/remove.json} removes one.
 */
public final class WebhookApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Webhooks webhooks;
  private final WebhookSender sender;
  private final WebhookStore store;

  public WebhookApi(Webhooks webhooks, WebhookSender sender, WebhookStore store) {
    this.webhooks = webhooks;
    this.sender = sender;
    this.store = store;
  }

  public void routes(Routes r, String base, Family family, BodyLimits body) {
    r.get(base + "/webhooks.json", family, x -> list(webhooks.list(x.parameters())));
    r.post(base + "/webhooks.json", family, x -> {
      WebhookRecord hook = webhooks.register(x.parameters());
      ArrayNode out = JSON.createArrayNode();
      out.add(hook(hook, true));
      return json(out);
    }, body);
    r.post(base + "/webhooks/test.json", family, x -> {
      WebhookDelivery d = sender.test(webhooks.mine(x.parameters()));
      ArrayNode out = JSON.createArrayNode();
      out.add(delivery(d));
      return json(out);
    }, body);
    r.post(base + "/webhooks/remove.json", family, this::remove, body);
  }

  private Answer remove(Exchange x) {
    WebhookRecord hook = webhooks.remove(x.parameters());
    ArrayNode out = JSON.createArrayNode();
    out.addObject().put("webhook_id", Long.toString(hook.id())).put("state", "removed");
    return json(out);
  }

  private Answer list(List<WebhookRecord> hooks) {
    ArrayNode out = JSON.createArrayNode();
    for (WebhookRecord h : hooks) {
      ObjectNode n = hook(h, false);
      ArrayNode d = n.putArray("deliveries");
      for (WebhookDelivery delivery : store.deliveries(h.id(), 10)) {
        d.add(delivery(delivery));
      }
      out.add(n);
    }
    return json(out);
  }

  static ObjectNode hook(WebhookRecord h, boolean withSecret) {
    ObjectNode n = JSON.createObjectNode();
    n.put("webhook_id", Long.toString(h.id()));
    n.put("jurisdiction_id", h.jurisdictionId());
    n.put("url", h.url());
    n.put("filters", h.filters());
    n.put("state", h.state());
    n.put("last_event_id", Long.toString(h.position()));
    n.put("created_datetime", Instant.ofEpochMilli(h.createdAt()).toString());
    if (withSecret) {
      n.put("secret", h.secret());
    }
    return n;
  }

  static ObjectNode delivery(WebhookDelivery d) {
    ObjectNode n = JSON.createObjectNode();
    n.put("event_id", Long.toString(d.eventId()));
    n.put("datetime", Instant.ofEpochMilli(d.at()).toString());
    if (d.status() == null) {
      n.putNull("status");
    } else {
      n.put("status", d.status());
    }
    n.put("outcome", d.outcome());
    n.put("millis", d.millis());
    return n;
  }

  private static Answer json(ArrayNode out) {
    try {
      return Answer.json(JSON.writeValueAsString(out));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
