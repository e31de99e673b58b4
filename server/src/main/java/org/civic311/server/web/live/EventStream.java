package org.civic311.server.web.live;

import java.nio.charset.StandardCharsets;
import org.civic311.server.domain.RequestSearch;
import org.civic311.server.domain.Refusal;
import org.civic311.server.domain.live.EventFilter;
import org.civic311.server.domain.live.EventHub;
import org.civic311.server.domain.live.LiveEvent;
import org.civic311.server.domain.live.Subscriber;
import org.civic311.server.web.Answer;
import org.civic311.server.web.Exchange;
import org.civic311.server.web.Family;
import org.civic311.server.web.Routes;

/**
 * {@code GET <base>/events}: the public events as Server-Sent Events, filtered like
 * {@code GET requests}. Every fault (a filter, a malformed {@code Last-Event-ID}, a full node) is
 * answered with the API's error document before the stream starts; once it starts, each event
 * carries its log id, so a client that reconnects with {@code Last-Event-ID} (the header, or the
 * {@code last_event_id} parameter for clients that cannot set headers) gets exactly what it missed.
 */
public final class EventStream {
  static final String TYPE = "text/event-stream; charset=utf-8";
  private static final byte[] OPENING = "retry: 3000\n: connected\n\n".getBytes(StandardCharsets.UTF_8);
  private static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.UTF_8);
  private final EventHub hub;
  private final RequestSearch search;
  private final int maxSubscribers;
  /** The frame of the event last framed: every stream given that event shares its bytes. */
  private volatile Framed last;

  private record Framed(LiveEvent event, byte[] bytes) {}

  public EventStream(EventHub hub, RequestSearch search, int maxSubscribers) {
    this.hub = hub;
    this.search = search;
    this.maxSubscribers = maxSubscribers;
  }

  public void routes(Routes r, String base, Family family) {
    r.get(base + "/events", family, this::open);
  }

  private Answer open(Exchange x) {
    EventFilter filter = EventFilter.read(x.parameters(), search);
    Long after = lastEventId(x);
    if (hub.subscribers() >= maxSubscribers) {
      throw new Refusal(Refusal.Reason.UNAVAILABLE,
          java.util.List.of("this server has " + maxSubscribers + " event streams open; try again later"));
    }
    return Answer.live(TYPE, channel -> {
      Stream s = new Stream(filter, channel);
      channel.onClose(() -> hub.unsubscribe(s));
      channel.send(OPENING);
      try {
        hub.subscribe(s, after);
      } catch (Refusal full) {
        channel.close();
      }
    }).withHeader("X-Accel-Buffering", "no");
  }

  private Long lastEventId(Exchange x) {
    String header = x.header("Last-Event-ID");
    String text = header != null ? header : x.parameters().optional("last_event_id").orElse(null);
    if (text == null) {
      return null;
    }
    String t = text.trim();
    if (!t.matches("\\d{1,18}")) {
      throw Refusal.invalid("Last-Event-ID must be the id of an event, a whole number, not '"
          + (t.length() > 40 ? t.substring(0, 40) + "..." : t) + "'");
    }
    long id = Long.parseLong(t);
    long newest = hub.newest();
    if (id > newest) {
      throw Refusal.invalid("Last-Event-ID " + id + " is after the newest event, " + newest);
    }
    return id;
  }

  private byte[] frame(LiveEvent e) {
    Framed f = last;
    if (f != null && f.event() == e) {
      return f.bytes();
    }
    byte[] bytes = ("id: " + e.id() + "\nevent: " + e.kind() + "\ndata: " + e.json() + "\n\n")
        .getBytes(StandardCharsets.UTF_8);
    last = new Framed(e, bytes);
    return bytes;
  }

  /** One open stream, as the hub sees it. */
  private final class Stream implements Subscriber {
    private final EventFilter filter;
    private final Answer.Channel channel;

    Stream(EventFilter filter, Answer.Channel channel) {
      this.filter = filter;
      this.channel = channel;
    }

    @Override
    public EventFilter filter() {
      return filter;
    }

    @Override
    public boolean deliver(LiveEvent event) {
      return channel.send(frame(event));
    }

    @Override
    public boolean heartbeat() {
      return channel.send(HEARTBEAT);
    }

    @Override
    public void close() {
      channel.close();
    }
  }
}
