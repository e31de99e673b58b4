package org.civic311.server.domain.live;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.civic311.georeport.FormDecoder;
import org.civic311.georeport.Parameters;
import org.civic311.server.domain.ApiKeys;
import org.civic311.server.domain.Jurisdiction;
import org.civic311.server.domain.Jurisdictions;
import org.civic311.server.domain.Refusal;
import org.civic311.server.domain.RequestSearch;
import org.civic311.server.storage.ApiKeyRecord;
import org.civic311.server.storage.EventStore;
import org.civic311.server.storage.WebhookRecord;
import org.civic311.server.storage.WebhookStore;

/**
 * Webhooks as their owners see them: an API key registers a URL with filters and gets the
 * signing secret once; it lists and removes its own hooks. A new hook starts at the newest event,
 * so it gets what happens from then on.
 */
public final class Webhooks {
  /** The parameters a hook's filters keep, as {@code GET requests} names them. */
  static final List<String> FILTERS = List.of("service_code", "status", "bbox", "lat", "long", "radius");
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Jurisdictions jurisdictions;
  private final ApiKeys keys;
  private final RequestSearch search;
  private final WebhookStore store;
  private final EventStore events;
  private final Targets targets;
  private final Clock clock;

  public Webhooks(Jurisdictions jurisdictions, ApiKeys keys, RequestSearch search, WebhookStore store,
      EventStore events, Targets targets, Clock clock) {
    this.jurisdictions = jurisdictions;
    this.keys = keys;
    this.search = search;
    this.store = store;
    this.events = events;
    this.targets = targets;
    this.clock = clock;
  }

  /** Registers a hook for the key in {@code p}; throws a {@link Refusal} for a bad key, URL or filter. */
  public WebhookRecord register(Parameters p) {
    ApiKeyRecord key = owner(p);
    String url = p.optional("url").orElseThrow(() -> Refusal.invalid("parameter 'url' is required"));
    targets.check(url);
    EventFilter.read(p, search);
    String filters = filters(p);
    String secret = HexFormat.of().formatHex(bytes(32));
    long id = store.create(key.id(), key.jurisdictionId(), url.trim(), secret, filters, events.newest(),
        clock.millis());
    return store.find(id).orElseThrow();
  }

  /** The hooks of the key in {@code p}. */
  public List<WebhookRecord> list(Parameters p) {
    return store.list(owner(p).id());
  }

  /** One hook of the key in {@code p}; another key's hook is as unknown as a missing one. */
  public WebhookRecord mine(Parameters p) {
    return mine(p, false);
  }

  private WebhookRecord mine(Parameters p, boolean evenRemoved) {
    ApiKeyRecord key = owner(p);
    String text = p.optional("webhook_id").orElseThrow(() -> Refusal.invalid("parameter 'webhook_id' is required"));
    Long id = text.matches("\\d{1,18}") ? Long.parseLong(text) : null;
    return Optional.ofNullable(id).flatMap(store::find)
        .filter(h -> h.apiKeyId() == key.id() && (evenRemoved || !h.state().equals("removed")))
        .orElseThrow(() -> Refusal.notFound("webhook_id '" + (text.length() > 20 ? text.substring(0, 20) : text)
            + "' is not a webhook of this key"));
  }

  /** Removes one of the key's hooks; removing it again is no fault. */
  public WebhookRecord remove(Parameters p) {
    WebhookRecord hook = mine(p, true);
    store.remove(hook.id());
    return hook;
  }

  private ApiKeyRecord owner(Parameters p) {
    Jurisdiction j = jurisdictions.resolve(p.optional("jurisdiction_id")).jurisdiction();
    return keys.authenticate(p.optional("api_key"), j);
  }

  /** The filters of a hook read back, as a stream's would be. */
  public EventFilter filterOf(WebhookRecord hook) {
    Parameters.Builder b = Parameters.builder();
    FormDecoder.decode(hook.filters(), b);
    b.add("jurisdiction_id", hook.jurisdictionId());
    return EventFilter.read(b.build(), search);
  }

  static String filters(Parameters p) {
    StringBuilder sb = new StringBuilder();
    for (String name : FILTERS) {
      for (String value : p.all(name)) {
        sb.append(sb.length() == 0 ? "" : "&").append(name).append('=')
            .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
      }
    }
    return sb.toString();
  }

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }
}
